namespace FashionMnist.Schedules;

/// <summary>What an epoch produced, as seen by a schedule.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="DevAccuracy">Share of dev images classified correctly, 0 to 1.</param>
/// <param name="DevLoss">Mean negative log-likelihood on the dev set.</param>
/// <param name="LearningRate">The rate used during this epoch's last step.</param>
public sealed record EpochOutcome(int Epoch, double DevAccuracy, double DevLoss, double LearningRate);
