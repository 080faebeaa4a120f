namespace FashionMnist.Schedules;

/// <summary>A stateless schedule whose rate is a function of the number of completed epochs.</summary>
internal sealed class EpochFunctionSchedule(double initial, Func<int, double> rateAfterEpochs) : ILearningRateSchedule
{
    public double InitialLearningRate { get; } = initial;

    public double? AfterBatch(long completedSteps) => null;

    public ScheduleDecision AfterEpoch(EpochOutcome outcome) => new(rateAfterEpochs(outcome.Epoch), false);

    public IReadOnlyDictionary<string, double> SaveState() => new Dictionary<string, double>();

    public void LoadState(IReadOnlyDictionary<string, double> state)
    {
    }
}
