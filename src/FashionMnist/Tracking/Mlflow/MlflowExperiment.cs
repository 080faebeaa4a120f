namespace FashionMnist.Tracking.Mlflow;

/// <summary>An experiment as the tracking server returns it.</summary>
public sealed record MlflowExperiment
{
    public required string ExperimentId { get; init; }

    public required string Name { get; init; }

    /// <summary>Root of the artifacts of the experiment's runs, such as <c>mlflow-artifacts:/1</c>.</summary>
    public string? ArtifactLocation { get; init; }

    /// <summary><c>active</c> or <c>deleted</c>.</summary>
    public string LifecycleStage { get; init; } = "active";

    /// <summary>Unix milliseconds.</summary>
    public long? CreationTime { get; init; }

    /// <summary>Unix milliseconds.</summary>
    public long? LastUpdateTime { get; init; }

    public IReadOnlyList<MlflowTag> Tags { get; init; } = [];

    /// <summary>True when the experiment was deleted and waits for restore or garbage collection.</summary>
    public bool IsDeleted => LifecycleStage == "deleted";
}
