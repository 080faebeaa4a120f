namespace FashionMnist.Tracking;

/// <summary>The summary of a finished run: the best dev epoch and the test results of its weights.</summary>
public sealed record FinalMetrics
{
    public required double BestDevAccuracy { get; init; }

    public required int BestEpoch { get; init; }

    public required double TestAccuracy { get; init; }

    public required double TestLoss { get; init; }

    /// <summary>Epochs actually trained, fewer than planned when early stopping ended the run.</summary>
    public required int EpochsTrained { get; init; }

    /// <summary>Total wall time of training and evaluation in seconds.</summary>
    public required double TrainingSeconds { get; init; }

    /// <summary>Counts of test images by true class (row) and predicted class (column).</summary>
    public required int[][] ConfusionMatrix { get; init; }
}
