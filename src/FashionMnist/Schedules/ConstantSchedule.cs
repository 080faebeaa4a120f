using FashionMnist.Hosting;

namespace FashionMnist.Schedules;

/// <summary>Keeps the optimizer's learning rate for the whole run.</summary>
public sealed class ConstantSchedule : ScheduleFactory<NoSettings>
{
    public override string Name => "constant";

    public override string Description => "The optimizer's rate for the whole run (per epoch)";

    public override ScheduleUnit Unit => ScheduleUnit.Epoch;

    protected override ILearningRateSchedule Create(NoSettings settings, ScheduleContext context) =>
        new EpochFunctionSchedule(context.BaseLearningRate, _ => context.BaseLearningRate);
}
