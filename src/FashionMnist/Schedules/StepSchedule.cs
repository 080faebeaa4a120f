using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Schedules;

/// <summary>Multiplies the rate by <c>gamma</c> every <c>step_size</c> epochs, as torch's StepLR.</summary>
public sealed class StepSchedule : ScheduleFactory<StepSchedule.Settings>
{
    public override string Name => "step";

    public override string Description => "Rate × gamma every step_size epochs (per epoch)";

    public override ScheduleUnit Unit => ScheduleUnit.Epoch;

    protected override ILearningRateSchedule Create(Settings settings, ScheduleContext context) =>
        new EpochFunctionSchedule(
            context.BaseLearningRate,
            epochs => context.BaseLearningRate * Math.Pow(settings.Gamma, epochs / settings.StepSize));

    /// <summary>Period and factor of the step decay.</summary>
    public sealed class Settings
    {
        /// <summary>Epochs between two decays. Default 10.</summary>
        [Range(1, 100_000)]
        public int StepSize { get; set; } = 10;

        /// <summary>Multiplier applied at each decay. Default 0.1.</summary>
        [Range(1e-9, 1.0)]
        public double Gamma { get; set; } = 0.1;
    }
}
