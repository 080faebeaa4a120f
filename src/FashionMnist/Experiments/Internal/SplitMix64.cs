namespace FashionMnist.Experiments.Internal;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, 2014). Random sweeps use it instead of System.Random
/// so the points drawn from a seed are defined here and stay the same across .NET versions.
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(long seed) => _state = unchecked((ulong)seed);

    public ulong Next()
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

    /// <summary>
    /// Returns a uniform integer in [0, <paramref name="count"/>), rejecting draws that would bias it.
    /// </summary>
    public int NextIndex(int count)
    {
        var bound = (ulong)count;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong draw;
        do
        {
            draw = Next();
        }
        while (draw >= limit);
        return (int)(draw % bound);
    }
}
