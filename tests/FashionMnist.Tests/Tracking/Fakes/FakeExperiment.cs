namespace FashionMnist.Tests.Tracking.Fakes;

internal sealed class FakeExperiment
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string ArtifactLocation { get; init; }

    public string LifecycleStage { get; set; } = "active";

    public long CreationTime { get; init; }

    public long LastUpdateTime { get; set; }

    public OrderedDictionary<string, string> Tags { get; } = new();
}
