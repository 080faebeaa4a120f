using FashionMnist.Tracking;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Training;

/// <summary>
/// Forwards each call to every sink in order. A sink that throws is logged and skipped for that call, so
/// one broken tracker never stops training or starves the others.
/// </summary>
internal sealed class SinkGroup(IReadOnlyList<IMetricSink> sinks, ILogger logger) : IMetricSink, IAsyncDisposable
{
    /// <summary>Creates the run-folder sink and every registered tracker's sink for one run.</summary>
    public static SinkGroup Create(IEnumerable<IMetricSinkFactory> factories, Experiments.Experiment experiment,
        RunPaths paths, ILogger logger) =>
        new(factories.Select(f => f.Create(experiment, paths)).OfType<IMetricSink>().Prepend(new RunFolderSink(paths)).ToList(),
            logger);

    public Task StartRunAsync(RunInfo run, CancellationToken cancellationToken) =>
        ForEachAsync(s => s.StartRunAsync(run, cancellationToken), "start the run");

    public Task LogEpochAsync(EpochMetrics metrics, CancellationToken cancellationToken) =>
        ForEachAsync(s => s.LogEpochAsync(metrics, cancellationToken), "log epoch metrics");

    public Task LogArtifactAsync(string localPath, string artifactPath, CancellationToken cancellationToken) =>
        ForEachAsync(s => s.LogArtifactAsync(localPath, artifactPath, cancellationToken), "log an artifact");

    public Task EndRunAsync(RunEnd end, CancellationToken cancellationToken) =>
        ForEachAsync(s => s.EndRunAsync(end, cancellationToken), "end the run");

    /// <summary>Disposes the sinks that hold resources, such as an MLflow sink's journal and HTTP client.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var sink in sinks)
        {
            if (sink is IAsyncDisposable disposable)
                await disposable.DisposeAsync();
            else if (sink is IDisposable plain)
                plain.Dispose();
        }
    }

    private async Task ForEachAsync(Func<IMetricSink, Task> call, string action)
    {
        foreach (var sink in sinks)
        {
            try
            {
                await call(sink);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Sink} failed to {Action}: {Message}", sink.GetType().Name, action, ex.Message);
            }
        }
    }
}
