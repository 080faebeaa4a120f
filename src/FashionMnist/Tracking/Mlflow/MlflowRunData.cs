namespace FashionMnist.Tracking.Mlflow;

/// <summary>The content of a run: the latest value of each metric, its parameters and its tags.</summary>
public sealed record MlflowRunData
{
    public IReadOnlyList<MlflowMetric> Metrics { get; init; } = [];

    public IReadOnlyList<MlflowParam> Params { get; init; } = [];

    public IReadOnlyList<MlflowTag> Tags { get; init; } = [];
}
