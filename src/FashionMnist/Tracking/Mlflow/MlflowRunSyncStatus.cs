namespace FashionMnist.Tracking.Mlflow;

/// <summary>What <see cref="MlflowSync"/> did with one run.</summary>
public enum MlflowRunSyncStatus
{
    /// <summary>The server already had every operation; nothing was sent.</summary>
    UpToDate,

    /// <summary>Pending operations were sent.</summary>
    Sent,

    /// <summary>Another fmnist process is still training the run; it was left alone.</summary>
    InProgress,

    /// <summary>The run could not be sent; <see cref="MlflowRunSyncResult.Error"/> gives the reason.</summary>
    Failed,
}
