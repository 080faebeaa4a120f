namespace FashionMnist.Tracking.Mlflow;

/// <summary>The metadata of a run as the tracking server returns it.</summary>
public sealed record MlflowRunInfo
{
    public required string RunId { get; init; }

    public required string ExperimentId { get; init; }

    public string? RunName { get; init; }

    public string? UserId { get; init; }

    /// <summary><c>RUNNING</c>, <c>SCHEDULED</c>, <c>FINISHED</c>, <c>FAILED</c> or <c>KILLED</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Unix milliseconds.</summary>
    public long? StartTime { get; init; }

    /// <summary>Unix milliseconds, or null while the run is running.</summary>
    public long? EndTime { get; init; }

    /// <summary>Where the run's artifacts go, such as <c>mlflow-artifacts:/1/&lt;run id&gt;/artifacts</c>.</summary>
    public string? ArtifactUri { get; init; }

    /// <summary><c>active</c> or <c>deleted</c>.</summary>
    public string LifecycleStage { get; init; } = "active";
}
