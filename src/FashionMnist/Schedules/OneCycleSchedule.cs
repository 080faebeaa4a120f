using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Schedules;

/// <summary>
/// The one-cycle policy (Smith and Topin, 2018) as torch's OneCycleLR with cosine annealing: the rate rises
/// from max_lr / div_factor to max_lr over the first pct_start of the steps, then falls to
/// max_lr / (div_factor × final_div_factor). Changes the rate after every batch; momentum is not cycled.
/// </summary>
public sealed class OneCycleSchedule : ScheduleFactory<OneCycleSchedule.Settings>
{
    public override string Name => "one_cycle";

    public override string Description => "Rise to max_lr, then anneal far below the start (per batch)";

    public override ScheduleUnit Unit => ScheduleUnit.Batch;

    protected override ILearningRateSchedule Create(Settings settings, ScheduleContext context)
    {
        var peak = settings.MaxLr > 0 ? settings.MaxLr : context.BaseLearningRate;
        var total = Math.Max(2, context.TotalSteps);
        return new StepFunctionSchedule(step => Rate(step, total, peak, settings));
    }

    internal static double Rate(long step, long total, double peak, Settings settings)
    {
        var start = peak / settings.DivFactor;
        var end = start / settings.FinalDivFactor;
        var rise = Math.Max(1, (long)(settings.PctStart * total) - 1);
        if (step <= rise)
            return Anneal(start, peak, (double)step / rise);
        return Anneal(peak, end, Math.Min(1.0, (double)(step - rise) / Math.Max(1, total - 1 - rise)));
    }

    private static double Anneal(double from, double to, double progress) =>
        to + (from - to) * 0.5 * (1 + Math.Cos(Math.PI * progress));

    /// <summary>The cycle's peak and shape.</summary>
    public sealed class Settings
    {
        /// <summary>Peak rate; 0 uses the optimizer's lr. Default 0.</summary>
        [Range(0.0, 10.0)]
        public double MaxLr { get; set; }

        /// <summary>Share of the steps spent rising. Default 0.3.</summary>
        [Range(0.01, 0.99)]
        public double PctStart { get; set; } = 0.3;

        /// <summary>Starting rate is max_lr / div_factor. Default 25.</summary>
        [Range(1.0, 1e6)]
        public double DivFactor { get; set; } = 25;

        /// <summary>Final rate is the starting rate / final_div_factor. Default 1e4.</summary>
        [Range(1.0, 1e9)]
        public double FinalDivFactor { get; set; } = 1e4;
    }
}
