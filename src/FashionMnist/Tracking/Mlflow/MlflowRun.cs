namespace FashionMnist.Tracking.Mlflow;

/// <summary>A run as the tracking server returns it.</summary>
public sealed record MlflowRun
{
    public required MlflowRunInfo Info { get; init; }

    public MlflowRunData Data { get; init; } = new();
}
