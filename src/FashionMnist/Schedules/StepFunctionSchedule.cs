namespace FashionMnist.Schedules;

/// <summary>A stateless schedule whose rate is a function of the number of completed optimizer steps.</summary>
internal sealed class StepFunctionSchedule(Func<long, double> rateAfterSteps) : ILearningRateSchedule
{
    public double InitialLearningRate { get; } = rateAfterSteps(0);

    public double? AfterBatch(long completedSteps) => rateAfterSteps(completedSteps);

    public ScheduleDecision AfterEpoch(EpochOutcome outcome) => ScheduleDecision.Keep;

    public IReadOnlyDictionary<string, double> SaveState() => new Dictionary<string, double>();

    public void LoadState(IReadOnlyDictionary<string, double> state)
    {
    }
}
