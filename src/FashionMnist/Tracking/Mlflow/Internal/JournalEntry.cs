namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// One tracked operation, as a line of a run's journal. Every operation but <see cref="StartRun"/> is one
/// request to the server, so an acknowledged entry is one applied request.
/// </summary>
internal sealed record JournalEntry
{
    /// <summary>Creates the run (first entry) or reopens it when training resumes in the same folder.</summary>
    public const string StartRun = "start_run";

    /// <summary>A log-batch request within the server's limits.</summary>
    public const string LogBatch = "log_batch";

    /// <summary>A file to store among the run's artifacts.</summary>
    public const string LogArtifact = "log_artifact";

    /// <summary>The final status and end time.</summary>
    public const string EndRun = "end_run";

    /// <summary>Position in the journal, from 1.</summary>
    public long Seq { get; init; }

    /// <summary>One of the operation names above.</summary>
    public required string Op { get; init; }

    /// <summary>Unix milliseconds when the entry was recorded.</summary>
    public long Time { get; init; }

    /// <summary>Local run id, which the run's <c>fmnist.run_id</c> tag carries; start_run only.</summary>
    public string? RunId { get; init; }

    /// <summary>MLflow experiment name; start_run only.</summary>
    public string? Experiment { get; init; }

    /// <summary>start_run only.</summary>
    public string? RunName { get; init; }

    /// <summary>start_run only.</summary>
    public string? User { get; init; }

    /// <summary>Unix milliseconds; start_run only.</summary>
    public long? StartTime { get; init; }

    /// <summary>Local id of the parent run, resolved to its MLflow run id when sent; start_run only.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>log_batch only.</summary>
    public IReadOnlyList<MlflowMetric>? Metrics { get; init; }

    /// <summary>log_batch only.</summary>
    public IReadOnlyList<MlflowParam>? Params { get; init; }

    /// <summary>Tags set when the run is created (start_run) or later (log_batch).</summary>
    public IReadOnlyList<MlflowTag>? Tags { get; init; }

    /// <summary>File to upload, relative to the run folder when inside it; log_artifact only.</summary>
    public string? LocalPath { get; init; }

    /// <summary>Path among the run's artifacts, '/'-separated; log_artifact only.</summary>
    public string? ArtifactPath { get; init; }

    /// <summary>FINISHED, FAILED or KILLED; end_run only.</summary>
    public string? Status { get; init; }

    /// <summary>Unix milliseconds; end_run only.</summary>
    public long? EndTime { get; init; }
}
