namespace FashionMnist.Schedules;

/// <summary>A schedule's instruction after an epoch.</summary>
/// <param name="LearningRate">The rate for the next epoch, or null to keep the current one.</param>
/// <param name="ResetOptimizer">Replace the optimizer with a fresh one, dropping its moment estimates.</param>
public sealed record ScheduleDecision(double? LearningRate, bool ResetOptimizer)
{
    /// <summary>Keep the rate and the optimizer.</summary>
    public static ScheduleDecision Keep { get; } = new(null, false);
}
