using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Experiments;

/// <summary>A set of points over dotted keys, each trained as one child run under a parent run.</summary>
public sealed class SweepOptions
{
    /// <summary><c>grid</c> runs every combination; <c>random</c> draws <see cref="Count"/> points. Default grid.</summary>
    [AllowedValues("grid", "random")]
    public string Method { get; set; } = "grid";

    /// <summary>Values to try for each dotted key, such as <c>optimizer.lr: [0.001, 0.005]</c>.</summary>
    public Dictionary<string, List<object?>> Parameters { get; set; } = new();

    /// <summary>Number of points drawn by <c>random</c>. Default 10.</summary>
    [Range(1, 100_000)]
    public int Count { get; set; } = 10;

    /// <summary>Seed of the <c>random</c> draw. Default 0.</summary>
    [Range(0, long.MaxValue)]
    public long Seed { get; set; }

    /// <summary>Go on with the next point after one fails (true) or stop the sweep (false). Default true.</summary>
    public bool ContinueOnFailure { get; set; } = true;
}
