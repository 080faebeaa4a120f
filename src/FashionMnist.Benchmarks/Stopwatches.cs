using System.Diagnostics;

namespace FashionMnist.Benchmarks;

/// <summary>Timing helpers: warm-up, repeats and the median.</summary>
internal static class Stopwatches
{
    /// <summary>Runs <paramref name="action"/> once to warm up, then <paramref name="repeats"/> times, and returns the median seconds.</summary>
    public static double MedianSeconds(int repeats, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalSeconds);
        }
        return Median(times);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
