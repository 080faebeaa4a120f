using Microsoft.Extensions.Logging;

namespace FashionMnist.Tracking.Mlflow;

/// <summary>Creates the <see cref="MlflowSink"/> of one run.</summary>
public sealed class MlflowSinkFactory
{
    private readonly MlflowClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public MlflowSinkFactory(MlflowClientFactory clients, TimeProvider time, ILoggerFactory loggers)
    {
        _clients = clients;
        _time = time;
        _loggers = loggers;
    }

    /// <summary>
    /// Returns a sink for one run. Without a tracking URI in <paramref name="options"/> it only writes the run's
    /// journal, which <see cref="MlflowSync"/> can send later. Dispose it when the run is over.
    /// </summary>
    public MlflowSink Create(MlflowOptions options)
    {
        var client = options.IsLocalOnly ? null : _clients.Create(options);
        return new MlflowSink(options, client, _time, _loggers.CreateLogger<MlflowSink>());
    }
}
