using FashionMnist.Experiments;

namespace FashionMnist.Training;

/// <summary>One run to train: the resolved experiment and where it came from.</summary>
public sealed record RunRequest
{
    public required Experiment Experiment { get; init; }

    /// <summary>The experiment file, or null when the experiment was built in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The <c>key=value</c> overrides applied on the command line, for the run name.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>An interrupted run folder to continue instead of starting a new run.</summary>
    public string? ResumeDirectory { get; init; }

    /// <summary>The folder of the sweep's parent run for a sweep point, or null.</summary>
    public string? ParentRunDirectory { get; init; }

    /// <summary>Run name to use instead of the default.</summary>
    public string? RunName { get; init; }
}
