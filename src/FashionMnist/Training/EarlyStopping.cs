using FashionMnist.Experiments;
using FashionMnist.Tracking;

namespace FashionMnist.Training;

/// <summary>Decides after each epoch whether training should stop because the watched dev metric stopped improving.</summary>
internal sealed class EarlyStopping(EarlyStoppingOptions options, CheckpointState progress)
{
    /// <summary>Records the epoch's metric and returns true when patience has run out.</summary>
    public bool ShouldStop(EpochMetrics metrics)
    {
        if (options.Patience == 0)
            return false;

        var higherIsBetter = options.Metric == "dev_accuracy";
        var value = higherIsBetter ? metrics.DevAccuracy : metrics.DevLoss;
        var best = progress.EarlyStoppingBest;
        var improved = double.IsNaN(best)
            || (higherIsBetter ? value > best + options.MinDelta : value < best - options.MinDelta);

        if (improved)
        {
            progress.EarlyStoppingBest = value;
            progress.EpochsWithoutImprovement = 0;
            return false;
        }

        progress.EpochsWithoutImprovement++;
        return progress.EpochsWithoutImprovement >= options.Patience;
    }
}
