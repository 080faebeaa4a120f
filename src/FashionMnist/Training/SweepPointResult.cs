using FashionMnist.Experiments;

namespace FashionMnist.Training;

/// <summary>The outcome of one sweep point.</summary>
/// <param name="Point">The point and its overrides.</param>
/// <param name="RunDirectory">The child run's folder, or null when it failed before creating one.</param>
/// <param name="TestAccuracy">Test accuracy of the child run, NaN when it failed.</param>
/// <param name="Error">The failure message, or null when the point finished.</param>
public sealed record SweepPointResult(SweepPoint Point, string? RunDirectory, double TestAccuracy, string? Error);
