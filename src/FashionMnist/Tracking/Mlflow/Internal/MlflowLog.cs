using Microsoft.Extensions.Logging;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>Log messages of the MLflow client, sink and sync, with stable event ids.</summary>
internal static partial class MlflowLog
{
    [LoggerMessage(1, LogLevel.Information,
        "Retrying {Method} {Path} in {DelaySeconds:0.0} s (retry {Retry} of {MaxRetries}) after {Failure}")]
    public static partial void Retrying(
        ILogger logger, string method, string path, double delaySeconds, int retry, int maxRetries, string failure);

    [LoggerMessage(2, LogLevel.Information, "Created MLflow experiment '{ExperimentName}' (id {ExperimentId})")]
    public static partial void ExperimentCreated(ILogger logger, string experimentName, string experimentId);

    [LoggerMessage(3, LogLevel.Debug,
        "MLflow experiment '{ExperimentName}' was created by another client at the same time; using id {ExperimentId}")]
    public static partial void ExperimentCreatedConcurrently(
        ILogger logger, string experimentName, string experimentId);

    [LoggerMessage(10, LogLevel.Information,
        "No MLflow tracking URI is set, so run {RunId} is recorded in {JournalPath} only; "
        + "send it later with 'fmnist sync' once MLFLOW_TRACKING_URI or tracking.uri is set")]
    public static partial void LocalOnly(ILogger logger, string runId, string journalPath);

    [LoggerMessage(11, LogLevel.Information, "MLflow run {ServerRunId} of run {RunId}: {RunUrl}")]
    public static partial void RunCreated(ILogger logger, string serverRunId, string runId, string runUrl);

    [LoggerMessage(12, LogLevel.Warning,
        "MLflow tracking is paused: {Reason} Training goes on; run {RunId} is kept in {JournalPath} and sent "
        + "when {TrackingUri} responds again, or by 'fmnist sync'")]
    public static partial void ServerUnreachable(
        ILogger logger, string reason, string runId, string journalPath, Uri trackingUri);

    [LoggerMessage(13, LogLevel.Debug, "MLflow server {TrackingUri} still cannot be reached: {Reason}")]
    public static partial void ServerStillUnreachable(ILogger logger, Uri trackingUri, string reason);

    [LoggerMessage(14, LogLevel.Information,
        "MLflow server {TrackingUri} responds again; sent {OperationCount} pending operations of run {RunId}")]
    public static partial void ServerBack(ILogger logger, Uri trackingUri, int operationCount, string runId);

    [LoggerMessage(15, LogLevel.Error,
        "MLflow logging of run {RunId} stopped: {Reason} The run is kept in {JournalPath}; "
        + "send it with 'fmnist sync' once the problem is fixed")]
    public static partial void LoggingStopped(ILogger logger, string runId, string reason, string journalPath);

    [LoggerMessage(16, LogLevel.Warning,
        "MLflow does not accept these keys of run {RunId}, so they were renamed: {Renames}")]
    public static partial void KeysRenamed(ILogger logger, string runId, string renames);

    [LoggerMessage(17, LogLevel.Warning,
        "Values of run {RunId} over MLflow's limits (parameters {ParamLimit}, tags {TagLimit} characters) were "
        + "shortened; they end with '{Marker}' on the server and stay whole in the run folder: {Keys}")]
    public static partial void ValuesShortened(
        ILogger logger, string runId, int paramLimit, int tagLimit, string marker, string keys);

    [LoggerMessage(18, LogLevel.Error,
        "Parameter {Key} of run {RunId} was logged as '{LoggedValue}' and is now '{NewValue}'; MLflow never changes "
        + "a logged parameter, so the new value is kept in the run folder only. Start a new run to log it")]
    public static partial void ParamConflict(
        ILogger logger, string key, string runId, string loggedValue, string newValue);

    [LoggerMessage(19, LogLevel.Error,
        "MLflow server rejected parameters of run {RunId} because they differ from the values it has: "
        + "{ServerMessage} The metrics and tags of that batch were sent without them")]
    public static partial void ServerParamConflict(ILogger logger, string runId, string serverMessage);

    [LoggerMessage(20, LogLevel.Error,
        "MLflow server rejected operation {Sequence} ({Operation}) of run {RunId}: {Reason} It is skipped; "
        + "the data stays in {JournalPath}")]
    public static partial void OperationRejected(
        ILogger logger, long sequence, string operation, string runId, string reason, string journalPath);

    [LoggerMessage(21, LogLevel.Error,
        "Cannot write the MLflow journal {JournalPath} ({Reason}); tracking data of run {RunId} is kept in memory "
        + "only")]
    public static partial void JournalWriteFailed(ILogger logger, string journalPath, string reason, string runId);

    [LoggerMessage(22, LogLevel.Warning,
        "The end of run {RunId} (status {Status}) was not sent within {TimeoutSeconds} s; "
        + "it is kept in {JournalPath} for 'fmnist sync'")]
    public static partial void EndNotSent(
        ILogger logger, string runId, string status, double timeoutSeconds, string journalPath);

    [LoggerMessage(23, LogLevel.Warning,
        "Parent run {ParentRunId} of run {RunId} is not on the MLflow server yet, so the run is not nested under it")]
    public static partial void ParentNotFound(ILogger logger, string parentRunId, string runId);

    [LoggerMessage(24, LogLevel.Error,
        "Run folder {RunDirectory} is already being tracked by another fmnist process; this process records "
        + "its data in memory only")]
    public static partial void JournalLocked(ILogger logger, string runDirectory);

    [LoggerMessage(30, LogLevel.Information, "Skipped run {RunDirectory}: another fmnist process is still tracking it")]
    public static partial void SyncSkippedInProgress(ILogger logger, string runDirectory);

    [LoggerMessage(31, LogLevel.Information,
        "Sent {OperationCount} operations of run {RunId} to MLflow run {ServerRunId}")]
    public static partial void SyncSent(ILogger logger, int operationCount, string runId, string serverRunId);

    [LoggerMessage(32, LogLevel.Debug, "Run {RunId} is already up to date on the MLflow server")]
    public static partial void SyncUpToDate(ILogger logger, string runId);

    [LoggerMessage(33, LogLevel.Information,
        "Run {RunId} ended without a final status (its process stopped); marking it KILLED")]
    public static partial void SyncMarkedKilled(ILogger logger, string runId);

    [LoggerMessage(34, LogLevel.Error, "Could not send run {RunId}: {Reason}")]
    public static partial void SyncFailed(ILogger logger, string runId, string reason);
}
