namespace FashionMnist.Tracking.Mlflow;

/// <summary>The outcome of sending one run.</summary>
/// <param name="RunDirectory">Full path of the run folder.</param>
/// <param name="RunId">Local run id, or null when the journal has no start.</param>
/// <param name="Status">What happened.</param>
/// <param name="OperationsSent">Journal entries the server acknowledged during this sync.</param>
/// <param name="ServerRunId">MLflow's id of the run, once it exists on the server.</param>
/// <param name="Error">Why the run failed, or null.</param>
public sealed record MlflowRunSyncResult(
    string RunDirectory,
    string? RunId,
    MlflowRunSyncStatus Status,
    int OperationsSent,
    string? ServerRunId,
    string? Error);
