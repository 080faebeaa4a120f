namespace FashionMnist.Tracking.Mlflow;

/// <summary>Tracking values given on the command line; they beat the experiment file and the environment.</summary>
/// <param name="TrackingUri">Value of <c>--tracking-uri</c>, or null.</param>
/// <param name="ExperimentName">Value of <c>--experiment</c>, or null.</param>
public sealed record MlflowCommandLine(string? TrackingUri = null, string? ExperimentName = null);
