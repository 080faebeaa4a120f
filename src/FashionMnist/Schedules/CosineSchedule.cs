using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Schedules;

/// <summary>
/// Linear warm-up from 0 to the base rate over <c>warmup_epochs</c>, then cosine annealing down to
/// <c>min_lr</c> at the last step. Changes the rate after every batch.
/// </summary>
public sealed class CosineSchedule : ScheduleFactory<CosineSchedule.Settings>
{
    public override string Name => "cosine";

    public override string Description => "Linear warm-up, then cosine annealing to min_lr (per batch)";

    public override ScheduleUnit Unit => ScheduleUnit.Batch;

    protected override ILearningRateSchedule Create(Settings settings, ScheduleContext context)
    {
        var total = Math.Max(1, context.TotalSteps);
        var warmup = Math.Min(total - 1, (long)Math.Round(settings.WarmupEpochs * context.StepsPerEpoch));
        return new StepFunctionSchedule(step => Rate(step, warmup, total, context.BaseLearningRate, settings.MinLr));
    }

    /// <summary>Returns the rate used for the step after <paramref name="step"/> completed steps.</summary>
    internal static double Rate(long step, long warmup, long total, double peak, double floor)
    {
        if (step < warmup)
            return peak * (step + 1) / warmup;
        var progress = Math.Min(1.0, (double)(step - warmup) / Math.Max(1, total - warmup));
        return floor + (peak - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }

    /// <summary>Warm-up length and the final rate.</summary>
    public sealed class Settings
    {
        /// <summary>Epochs of linear warm-up; fractions allowed. Default 1.</summary>
        [Range(0.0, 100_000.0)]
        public double WarmupEpochs { get; set; } = 1;

        /// <summary>Rate at the end of training. Default 0.</summary>
        [Range(0.0, 10.0)]
        public double MinLr { get; set; }
    }
}
