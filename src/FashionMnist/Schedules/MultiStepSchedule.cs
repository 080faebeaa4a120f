using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Schedules;

/// <summary>Multiplies the rate by <c>gamma</c> after each listed epoch, as torch's MultiStepLR.</summary>
public sealed class MultiStepSchedule : ScheduleFactory<MultiStepSchedule.Settings>
{
    public override string Name => "multi_step";

    public override string Description => "Rate × gamma after each milestone epoch (per epoch)";

    public override ScheduleUnit Unit => ScheduleUnit.Epoch;

    protected override ILearningRateSchedule Create(Settings settings, ScheduleContext context) =>
        new EpochFunctionSchedule(
            context.BaseLearningRate,
            epochs => context.BaseLearningRate * Math.Pow(settings.Gamma, settings.Milestones.Count(m => m <= epochs)));

    /// <summary>Milestones and factor of the decay.</summary>
    public sealed class Settings : IValidatableObject
    {
        /// <summary>Epochs after which the rate decays, in increasing order. Default [10, 15].</summary>
        public List<int> Milestones { get; set; } = [10, 15];

        /// <summary>Multiplier applied at each milestone. Default 0.1.</summary>
        [Range(1e-9, 1.0)]
        public double Gamma { get; set; } = 0.1;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            for (var i = 0; i < Milestones.Count; i++)
            {
                if (Milestones[i] < 1 || (i > 0 && Milestones[i] <= Milestones[i - 1]))
                {
                    yield return new ValidationResult(
                        $"milestones must be positive epochs in increasing order, got [{string.Join(", ", Milestones)}]",
                        [nameof(Milestones)]);
                    yield break;
                }
            }
        }
    }
}
