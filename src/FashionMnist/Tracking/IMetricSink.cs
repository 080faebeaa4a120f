namespace FashionMnist.Tracking;

/// <summary>
/// Receives what a run produces: its start with parameters and tags, one record per epoch, artifacts and
/// the end. The run folder, the console and MLflow are sinks. A sink must not throw for a transient
/// failure of its own storage; it keeps the data and reports the problem once.
/// </summary>
public interface IMetricSink
{
    /// <summary>Called once before the first epoch.</summary>
    Task StartRunAsync(RunInfo run, CancellationToken cancellationToken);

    /// <summary>Called after every epoch with that epoch's metrics.</summary>
    Task LogEpochAsync(EpochMetrics metrics, CancellationToken cancellationToken);

    /// <summary>Called for each file the run produces; <paramref name="artifactPath"/> is its path relative to the run folder.</summary>
    Task LogArtifactAsync(string localPath, string artifactPath, CancellationToken cancellationToken);

    /// <summary>Called once at the end, also when the run failed or was interrupted.</summary>
    Task EndRunAsync(RunEnd end, CancellationToken cancellationToken);
}
