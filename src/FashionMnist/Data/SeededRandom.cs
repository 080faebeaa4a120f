namespace FashionMnist.Data;

/// <summary>
/// The SplitMix64 generator: its output depends only on the seed and this code, so a seeded split is the same on
/// every run, platform and .NET version, whatever the runtime's <see cref="Random"/> implementation does.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(long seed)
    {
        _state = unchecked((ulong)seed);
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Returns a uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);

        // Lemire's multiply-and-reject method: the high word of x * range is uniform once the rare low words
        // that would favour some results are rejected.
        var range = (ulong)exclusiveMax;
        var threshold = unchecked(0UL - range) % range;
        while (true)
        {
            var high = Math.BigMul(NextUInt64(), range, out var low);
            if (low >= threshold)
                return (int)high;
        }
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
