namespace FashionMnist.Tracking.Mlflow;

/// <summary>The outcome of <see cref="MlflowSync.SyncAsync"/>: one result per run folder found.</summary>
public sealed record MlflowSyncReport(Uri TrackingUri, IReadOnlyList<MlflowRunSyncResult> Runs)
{
    /// <summary>Runs that could not be sent.</summary>
    public int FailedCount => Runs.Count(r => r.Status == MlflowRunSyncStatus.Failed);

    /// <summary>Operations sent across all runs.</summary>
    public int OperationsSent => Runs.Sum(r => r.OperationsSent);
}
