using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Schedules;

/// <summary>Multiplies the rate by <c>gamma</c> after every epoch, as torch's ExponentialLR.</summary>
public sealed class ExponentialSchedule : ScheduleFactory<ExponentialSchedule.Settings>
{
    public override string Name => "exponential";

    public override string Description => "Rate × gamma after every epoch (per epoch)";

    public override ScheduleUnit Unit => ScheduleUnit.Epoch;

    protected override ILearningRateSchedule Create(Settings settings, ScheduleContext context) =>
        new EpochFunctionSchedule(context.BaseLearningRate, epochs => context.BaseLearningRate * Math.Pow(settings.Gamma, epochs));

    /// <summary>The per-epoch factor.</summary>
    public sealed class Settings
    {
        /// <summary>Multiplier applied after each epoch. Default 0.95.</summary>
        [Range(1e-9, 1.0)]
        public double Gamma { get; set; } = 0.95;
    }
}
