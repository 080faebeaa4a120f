namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>What to do after an operation failed.</summary>
internal enum MlflowFailure
{
    /// <summary>The server is down, slow or overloaded: keep the operation and try again later.</summary>
    Transient,

    /// <summary>
    /// The run cannot be logged to as things are (deleted, rejected credentials, not an MLflow server).
    /// </summary>
    StopRun,

    /// <summary>The server rejects this one operation for good: record it, skip it and go on.</summary>
    SkipOperation,
}
