using FashionMnist.Tracking;

namespace FashionMnist.Cli.Runs;

/// <summary>
/// What a run folder shows about its run. Every field but the folder may be missing, because a folder can be
/// half-written (a run that crashed or is still training) or not a run folder at all.
/// </summary>
internal sealed record LocalRun
{
    /// <summary>The folder's files.</summary>
    public required RunPaths Paths { get; init; }

    /// <summary>Run id from <c>run.json</c>, else the folder name.</summary>
    public required string RunId { get; init; }

    public string? ExperimentName { get; init; }

    public string? RunName { get; init; }

    /// <summary>
    /// <c>finished</c>, <c>failed</c> or <c>killed</c> from <c>final.json</c>; <c>incomplete</c> when the folder
    /// has no readable <c>final.json</c> or no <c>run.json</c>.
    /// </summary>
    public required string Status { get; init; }

    /// <summary>Epochs trained: from <c>final.json</c>, else the rows of <c>metrics.csv</c>.</summary>
    public int? Epochs { get; init; }

    public int? BestEpoch { get; init; }

    /// <summary>Best dev accuracy, 0 to 1: from <c>final.json</c>, else the highest in <c>metrics.csv</c>.</summary>
    public double? BestDevAccuracy { get; init; }

    public double? TestAccuracy { get; init; }

    public double? TestLoss { get; init; }

    /// <summary>Training and evaluation wall time in seconds.</summary>
    public double? TrainingSeconds { get; init; }

    /// <summary>Start time from <c>run.json</c>, else null.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>
    /// The flattened experiment from <c>run.json</c>, with keys such as <c>optimizer.lr</c>. Empty when unknown.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>What is wrong with the folder's files, one sentence each; empty for a complete run folder.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The run name when known, else the run id.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(RunName) ? RunId : RunName;
}
