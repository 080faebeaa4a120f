using FashionMnist.Experiments;

namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// Plugs MLflow into every run: resolves the tracking options from the experiment's <c>tracking</c> section and
/// MLflow's environment variables, and returns a sink that sends to the server, or only writes the run's
/// journal when no tracking URI is set, so <c>fmnist sync</c> can send it later.
/// </summary>
public sealed class MlflowMetricSinkFactory(MlflowSinkFactory sinks) : IMetricSinkFactory
{
    /// <summary>Throws <see cref="MlflowOptionsException"/> for an invalid URI or environment variable, before training starts.</summary>
    public IMetricSink Create(Experiment experiment, RunPaths paths) =>
        sinks.Create(MlflowOptionsResolver.Resolve(null, experiment.Tracking));
}
