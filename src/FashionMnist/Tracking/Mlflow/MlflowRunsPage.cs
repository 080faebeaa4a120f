namespace FashionMnist.Tracking.Mlflow;

/// <summary>One page of a run search.</summary>
/// <param name="Runs">The runs of this page.</param>
/// <param name="NextPageToken">Token for the next page, or null after the last one.</param>
public sealed record MlflowRunsPage(IReadOnlyList<MlflowRun> Runs, string? NextPageToken);
