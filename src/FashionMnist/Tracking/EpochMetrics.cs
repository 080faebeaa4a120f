namespace FashionMnist.Tracking;

/// <summary>The metrics of one epoch.</summary>
public sealed record EpochMetrics
{
    /// <summary>1-based epoch number; MLflow's step.</summary>
    public required int Epoch { get; init; }

    /// <summary>Mean training loss over the epoch's batches.</summary>
    public required double TrainLoss { get; init; }

    /// <summary>Share of training images classified correctly during the epoch, 0 to 1.</summary>
    public required double TrainAccuracy { get; init; }

    /// <summary>Mean loss on the dev set, NaN when there is no dev set.</summary>
    public required double DevLoss { get; init; }

    /// <summary>Share of dev images classified correctly, 0 to 1, NaN when there is no dev set.</summary>
    public required double DevAccuracy { get; init; }

    /// <summary>Learning rate at the epoch's last step.</summary>
    public required double LearningRate { get; init; }

    /// <summary>Wall time of the epoch, training and dev evaluation, in seconds.</summary>
    public required double EpochSeconds { get; init; }

    /// <summary>Training images processed per second of training time.</summary>
    public required double ImagesPerSecond { get; init; }

    /// <summary>Unix milliseconds when the epoch ended; re-sent unchanged on retries.</summary>
    public required long TimestampMs { get; init; }
}
