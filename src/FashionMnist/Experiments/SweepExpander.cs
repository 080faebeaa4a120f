using System.Globalization;
using FashionMnist.Experiments.Internal;

namespace FashionMnist.Experiments;

/// <summary>Turns a sweep section into the ordered list of points to run, and splits that list into shards.</summary>
public static class SweepExpander
{
    /// <summary>
    /// Returns the points of the sweep. Keys keep the order of <see cref="SweepOptions.Parameters"/> (the file's
    /// order). <c>grid</c> returns every combination with the last key changing fastest. <c>random</c> draws
    /// <see cref="SweepOptions.Count"/> points, each value picked uniformly and independently from its key's
    /// list with a generator seeded by <see cref="SweepOptions.Seed"/>, so points may repeat.
    /// </summary>
    /// <exception cref="ArgumentException">A key has no values, or the method is neither grid nor random.</exception>
    public static IReadOnlyList<SweepPoint> Expand(SweepOptions sweep)
    {
        var keys = sweep.Parameters.Keys.ToList();
        foreach (var key in keys)
        {
            if (sweep.Parameters[key].Count == 0)
                throw new ArgumentException($"The sweep key '{key}' has no values; give at least one.", nameof(sweep));
        }

        var choices = sweep.Method switch
        {
            "grid" => Grid(keys.Select(k => sweep.Parameters[k].Count).ToList()),
            "random" => Random(keys.Select(k => sweep.Parameters[k].Count).ToList(), sweep.Count, sweep.Seed),
            _ => throw new ArgumentException(
                $"Unknown sweep method '{sweep.Method}'; use grid or random.", nameof(sweep)),
        };

        return choices
            .Select((choice, index) => new SweepPoint(index, keys
                .Select((key, k) => $"{key}={ScalarText.Flow(sweep.Parameters[key][choice[k]])}")
                .ToList()))
            .ToList();
    }

    /// <summary>
    /// Returns shard <paramref name="index"/> of <paramref name="count"/>: the points at positions index−1,
    /// index−1+count, index−1+2·count and so on. <paramref name="index"/> is 1-based, from 1 to count, so the
    /// shards 1/n to n/n together hold every point exactly once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">count is below 1, or index is outside 1..count.</exception>
    public static IReadOnlyList<SweepPoint> Shard(IReadOnlyList<SweepPoint> points, int index, int count)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "The shard count must be at least 1.");
        if (index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"The shard index must be from 1 to {count}; shards are numbered 1/{count} to {count}/{count}.");
        }

        return points.Where((_, position) => position % count == index - 1).ToList();
    }

    /// <summary>Parses a shard written as <c>i/n</c>, such as <c>2/4</c>, with i from 1 to n.</summary>
    /// <exception cref="FormatException">The text is not two whole numbers with 1 ≤ i ≤ n.</exception>
    public static (int Index, int Count) ParseShard(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return (index, count);
        }

        throw new FormatException(
            $"Invalid shard '{text}'; write it as i/n with i from 1 to n, such as 1/4 for the first of four shards.");
    }

    private static List<int[]> Grid(IReadOnlyList<int> sizes)
    {
        var points = new List<int[]>();
        var current = new int[sizes.Count];
        while (true)
        {
            points.Add((int[])current.Clone());

            // Advance like an odometer: the last key turns fastest and carries into the one before it.
            var position = sizes.Count - 1;
            while (position >= 0 && ++current[position] == sizes[position])
            {
                current[position] = 0;
                position--;
            }
            if (position < 0)
                return points;
        }
    }

    private static List<int[]> Random(IReadOnlyList<int> sizes, int count, long seed)
    {
        var generator = new SplitMix64(seed);
        var points = new List<int[]>(count);
        for (var i = 0; i < count; i++)
            points.Add(sizes.Select(generator.NextIndex).ToArray());
        return points;
    }
}
