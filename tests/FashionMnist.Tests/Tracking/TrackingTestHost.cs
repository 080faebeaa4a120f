using FashionMnist.Tracking;
using FashionMnist.Tracking.Mlflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tests.Tracking;

/// <summary>The MLflow tracking services as AddMlflowTracking registers them, with every log entry captured.</summary>
internal sealed class TrackingTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TrackingTestHost()
    {
        Logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddMlflowTracking();
        _services = services.BuildServiceProvider();
    }

    public CapturingLoggerProvider Logs { get; }

    public MlflowSync Sync => _services.GetRequiredService<MlflowSync>();

    /// <summary>Options with short backoff and timeouts, so that retry tests stay fast.</summary>
    public static MlflowOptions FastOptions(Uri? uri) => new()
    {
        TrackingUri = uri,
        MaxRetries = 3,
        BackoffFactor = TimeSpan.FromMilliseconds(10),
        BackoffJitter = TimeSpan.Zero,
        RequestTimeout = TimeSpan.FromSeconds(5),
        MaxBlockPerEpoch = TimeSpan.FromSeconds(3),
        EndRunTimeout = TimeSpan.FromSeconds(3),
    };

    public MlflowClient Client(MlflowOptions options) =>
        _services.GetRequiredService<MlflowClientFactory>().Create(options);

    public MlflowSink Sink(MlflowOptions options) => _services.GetRequiredService<MlflowSinkFactory>().Create(options);

    /// <summary>A run of the given local id in <paramref name="runsRoot"/>, with two parameters and a note.</summary>
    public static RunInfo Run(string runsRoot, string runId = "run-1", string experiment = "fashion") => new()
    {
        RunId = runId,
        RunDirectory = Path.Combine(runsRoot, runId),
        ExperimentName = experiment,
        RunName = runId + "-name",
        SourceFile = "experiments/baseline.yaml",
        Parameters = new Dictionary<string, string> { ["optimizer.lr"] = "0.01", ["training.epochs"] = "3" },
        Tags = new Dictionary<string, string> { ["team"] = "vision" },
        Note = "Baseline CNN.",
        StartTimeMs = 1_796_000_000_000,
    };

    public static EpochMetrics Epoch(
        int epoch,
        double trainLoss = 0.5,
        double devLoss = 0.6,
        double devAccuracy = 0.8) => new()
    {
        Epoch = epoch,
        TrainLoss = trainLoss,
        TrainAccuracy = 0.7 + epoch / 100.0,
        DevLoss = devLoss,
        DevAccuracy = devAccuracy,
        LearningRate = 0.01,
        EpochSeconds = 1.5,
        ImagesPerSecond = 1000 + epoch,
        TimestampMs = 1_796_000_000_000 + epoch * 1000L,
    };

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
