namespace FashionMnist.Tracking;

/// <summary>Who a run is and what it was configured with.</summary>
public sealed record RunInfo
{
    /// <summary>Local id of the run; also the name of its folder.</summary>
    public required string RunId { get; init; }

    /// <summary>Full path of the run folder.</summary>
    public required string RunDirectory { get; init; }

    /// <summary>Experiment name used for grouping runs (the MLflow experiment).</summary>
    public required string ExperimentName { get; init; }

    /// <summary>Human-readable run name.</summary>
    public required string RunName { get; init; }

    /// <summary>Path of the experiment file, or null when the experiment was built in code.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The resolved experiment flattened to dotted keys, such as <c>optimizer.lr</c>.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>Tags: versions, machine, data checksums, git state and user tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>A short Markdown description of the experiment.</summary>
    public string Note { get; init; } = "";

    /// <summary>Start time in Unix milliseconds.</summary>
    public long StartTimeMs { get; init; }

    /// <summary>Local id of the parent run for a sweep point, or null.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>Folder of the parent run for a sweep point, where trackers find the parent's server id; or null.</summary>
    public string? ParentRunDirectory { get; init; }

    /// <summary>True when this start continues an interrupted run in the same folder.</summary>
    public bool Resumed { get; init; }
}
