using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Schedules;

/// <summary>
/// torch's ReduceLROnPlateau in relative-threshold mode: when the watched dev metric has not improved for
/// more than <c>patience</c> epochs, multiply the rate by <c>factor</c>, keeping the optimizer's state.
/// </summary>
public sealed class ReduceOnPlateauSchedule : ScheduleFactory<ReduceOnPlateauSchedule.Settings>
{
    public override string Name => "reduce_on_plateau";

    public override string Description => "Rate × factor after patience epochs without improvement, optimizer kept (per epoch)";

    public override ScheduleUnit Unit => ScheduleUnit.Epoch;

    protected override ILearningRateSchedule Create(Settings settings, ScheduleContext context) =>
        new Schedule(settings, context.BaseLearningRate);

    /// <summary>Watched metric, patience and factor; the defaults are torch's.</summary>
    public sealed class Settings
    {
        /// <summary><c>dev_accuracy</c> (higher is better) or <c>dev_loss</c> (lower is better). Default dev_loss.</summary>
        [AllowedValues("dev_accuracy", "dev_loss")]
        public string Metric { get; set; } = "dev_loss";

        /// <summary>Multiplier applied when the metric plateaus. Default 0.1.</summary>
        [Range(1e-9, 0.999999)]
        public double Factor { get; set; } = 0.1;

        /// <summary>Epochs without improvement that are tolerated. Default 10.</summary>
        [Range(0, 100_000)]
        public int Patience { get; set; } = 10;

        /// <summary>Relative change that counts as an improvement. Default 1e-4.</summary>
        [Range(0.0, 1.0)]
        public double Threshold { get; set; } = 1e-4;

        /// <summary>Epochs to wait after a reduction before counting again. Default 0.</summary>
        [Range(0, 100_000)]
        public int Cooldown { get; set; }

        /// <summary>Lower bound of the rate. Default 0.</summary>
        [Range(0.0, 10.0)]
        public double MinLr { get; set; }
    }

    private sealed class Schedule(Settings settings, double initial) : ILearningRateSchedule
    {
        private readonly bool _higherIsBetter = settings.Metric == "dev_accuracy";
        private double _rate = initial;
        private double _best = double.NaN;
        private int _badEpochs;
        private int _cooldownLeft;

        public double InitialLearningRate { get; } = initial;

        public double? AfterBatch(long completedSteps) => null;

        public ScheduleDecision AfterEpoch(EpochOutcome outcome)
        {
            var value = _higherIsBetter ? outcome.DevAccuracy : outcome.DevLoss;
            if (IsImprovement(value))
            {
                _best = value;
                _badEpochs = 0;
            }
            else
            {
                _badEpochs++;
            }

            if (_cooldownLeft > 0)
            {
                _cooldownLeft--;
                _badEpochs = 0;
            }

            if (_badEpochs <= settings.Patience)
                return ScheduleDecision.Keep;

            _rate = Math.Max(settings.MinLr, _rate * settings.Factor);
            _cooldownLeft = settings.Cooldown;
            _badEpochs = 0;
            return new ScheduleDecision(_rate, false);
        }

        private bool IsImprovement(double value)
        {
            if (double.IsNaN(_best))
                return !double.IsNaN(value);
            return _higherIsBetter
                ? value > _best * (1 + settings.Threshold)
                : value < _best * (1 - settings.Threshold);
        }

        public IReadOnlyDictionary<string, double> SaveState() => new Dictionary<string, double>
        {
            ["rate"] = _rate,
            ["best"] = _best,
            ["bad_epochs"] = _badEpochs,
            ["cooldown_left"] = _cooldownLeft,
        };

        public void LoadState(IReadOnlyDictionary<string, double> state)
        {
            _rate = state["rate"];
            _best = state["best"];
            _badEpochs = (int)state["bad_epochs"];
            _cooldownLeft = (int)state["cooldown_left"];
        }
    }
}
