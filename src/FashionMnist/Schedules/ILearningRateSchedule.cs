namespace FashionMnist.Schedules;

/// <summary>
/// The learning rate over a run. The trainer sets <see cref="InitialLearningRate"/> before the first step,
/// then calls it after every batch and after every epoch for the rate to use next.
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>Rate for the first step.</summary>
    double InitialLearningRate { get; }

    /// <summary>Returns the rate for the step after <paramref name="completedSteps"/> steps, or null to keep the current one.</summary>
    double? AfterBatch(long completedSteps);

    /// <summary>Returns what to do after an epoch's dev evaluation.</summary>
    ScheduleDecision AfterEpoch(EpochOutcome outcome);

    /// <summary>Returns the schedule's state, so a resumed run continues where it stopped.</summary>
    IReadOnlyDictionary<string, double> SaveState();

    /// <summary>Restores state returned by <see cref="SaveState"/>.</summary>
    void LoadState(IReadOnlyDictionary<string, double> state);
}
