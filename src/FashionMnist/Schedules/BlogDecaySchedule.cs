using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Schedules;

/// <summary>
/// The baseline blog's rule: after each epoch, when dev accuracy is not higher than the best so far, multiply
/// the rate by <see cref="Settings.Factor"/> and replace the optimizer with a fresh one (its moment estimates
/// are dropped).
/// </summary>
public sealed class BlogDecaySchedule : ScheduleFactory<BlogDecaySchedule.Settings>
{
    public override string Name => "blog_decay";

    public override string Description => "Rate × factor and a fresh optimizer when dev accuracy does not improve (per epoch)";

    public override ScheduleUnit Unit => ScheduleUnit.Epoch;

    protected override ILearningRateSchedule Create(Settings settings, ScheduleContext context) =>
        new Schedule(settings, context.BaseLearningRate);

    /// <summary>The decay factor and whether to reset the optimizer.</summary>
    public sealed class Settings
    {
        /// <summary>Multiplier applied to the rate after an epoch without improvement. Default 0.8.</summary>
        [Range(1e-6, 1.0)]
        public double Factor { get; set; } = 0.8;

        /// <summary>Replace the optimizer with a fresh one when decaying. Default true.</summary>
        public bool ResetOptimizer { get; set; } = true;
    }

    private sealed class Schedule(Settings settings, double initial) : ILearningRateSchedule
    {
        private double _rate = initial;
        private double _best = double.NegativeInfinity;

        public double InitialLearningRate { get; } = initial;

        public double? AfterBatch(long completedSteps) => null;

        public ScheduleDecision AfterEpoch(EpochOutcome outcome)
        {
            if (outcome.DevAccuracy > _best)
            {
                _best = outcome.DevAccuracy;
                return ScheduleDecision.Keep;
            }

            _rate *= settings.Factor;
            return new ScheduleDecision(_rate, settings.ResetOptimizer);
        }

        public IReadOnlyDictionary<string, double> SaveState() =>
            new Dictionary<string, double> { ["rate"] = _rate, ["best"] = _best };

        public void LoadState(IReadOnlyDictionary<string, double> state)
        {
            _rate = state["rate"];
            _best = state["best"];
        }
    }
}
