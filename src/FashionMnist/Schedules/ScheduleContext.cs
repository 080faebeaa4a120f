namespace FashionMnist.Schedules;

/// <summary>What a schedule needs to know about the run it drives.</summary>
/// <param name="BaseLearningRate">The optimizer's configured learning rate.</param>
/// <param name="Epochs">Planned number of epochs.</param>
/// <param name="StepsPerEpoch">Optimizer steps in one epoch.</param>
public sealed record ScheduleContext(double BaseLearningRate, int Epochs, int StepsPerEpoch)
{
    /// <summary>Planned optimizer steps over the whole run.</summary>
    public long TotalSteps => (long)Epochs * StepsPerEpoch;
}
