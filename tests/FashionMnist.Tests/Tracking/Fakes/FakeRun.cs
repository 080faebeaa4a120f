namespace FashionMnist.Tests.Tracking.Fakes;

internal sealed class FakeRun
{
    public required string RunId { get; init; }

    public required string ExperimentId { get; init; }

    public required string RunName { get; set; }

    public string UserId { get; init; } = "";

    public string Status { get; set; } = "RUNNING";

    public long StartTime { get; init; }

    public long? EndTime { get; set; }

    public required string ArtifactUri { get; init; }

    public string LifecycleStage { get; set; } = "active";

    public OrderedDictionary<string, string> Params { get; } = new();

    public OrderedDictionary<string, string> Tags { get; } = new();

    /// <summary>Every logged value in logging order, without exact duplicates.</summary>
    public List<FakeMetric> History { get; } = [];

    /// <summary>The latest value of each metric, by step, then timestamp, then value, as MLflow keeps it.</summary>
    public OrderedDictionary<string, FakeMetric> Latest { get; } = new();
}
