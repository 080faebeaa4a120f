namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>The JSON bodies the tracking server returns, as far as the client reads them.</summary>
internal static class MlflowResponses
{
    public sealed class EmptyResponse;

    public sealed class ExperimentResponse
    {
        public MlflowExperiment? Experiment { get; init; }
    }

    public sealed class CreateExperimentResponse
    {
        public string? ExperimentId { get; init; }
    }

    public sealed class RunResponse
    {
        public MlflowRun? Run { get; init; }
    }

    public sealed class UpdateRunResponse
    {
        public MlflowRunInfo? RunInfo { get; init; }
    }

    public sealed class SearchRunsResponse
    {
        public List<MlflowRun>? Runs { get; init; }

        public string? NextPageToken { get; init; }
    }

    public sealed class MetricHistoryResponse
    {
        public List<MlflowMetric>? Metrics { get; init; }
    }
}
