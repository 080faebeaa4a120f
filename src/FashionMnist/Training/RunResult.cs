using FashionMnist.Tracking;

namespace FashionMnist.Training;

/// <summary>What a finished run produced.</summary>
public sealed record RunResult(RunPaths Paths, IReadOnlyList<EpochMetrics> History, FinalMetrics Final);
