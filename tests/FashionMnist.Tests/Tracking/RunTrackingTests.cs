using FashionMnist.Experiments;
using FashionMnist.Models;
using FashionMnist.Tests.Data;
using FashionMnist.Tests.Tracking.Fakes;
using FashionMnist.Tests.Training;
using FashionMnist.Tracking;
using FashionMnist.Tracking.Mlflow;
using FashionMnist.Training;
using Microsoft.Extensions.DependencyInjection;

namespace FashionMnist.Tests.Tracking;

/// <summary>Whole runs through the runner against the fake MLflow server: what a run records, and outages.</summary>
public class RunTrackingTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private FakeMlflowServer _server = null!;

    public async Task InitializeAsync()
    {
        LearnableImages.WriteCsv(_temp.File("data"), trainCount: 200, testCount: 50);
        _server = await FakeMlflowServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private Experiment Tiny(string? uri) => new()
    {
        Data = new DataOptions { Format = "csv", Dir = _temp.File("data"), Scale = "unit" },
        Model = new ComponentOptions { Name = "mlp", Settings = new Mlp.Settings { HiddenLayers = 1, HiddenUnits = 16 } },
        Optimizer = new OptimizerOptions { Name = "adam", Lr = 0.01 },
        Schedule = new ComponentOptions { Name = "blog_decay" },
        Training = new TrainingOptions { Epochs = 2, BatchSize = 32, Threads = 1 },
        Output = new OutputOptions { Dir = _temp.File("runs") },
        Tracking = new TrackingOptions { Uri = uri, Experiment = "tracking-test", Tags = { ["team"] = "vision" } },
    };

    private static async Task<RunResult> RunAsync(Experiment experiment, CancellationToken cancellationToken = default,
        Action<IServiceCollection>? configure = null)
    {
        using var services = TestHost.Services(configure);
        return await services.GetRequiredService<ExperimentRunner>().RunAsync(
            new RunRequest { Experiment = experiment, SourcePath = "experiments/tiny.yaml" }, cancellationToken);
    }

    [Fact]
    public async Task Run_RecordsParamsTagsMetricsArtifactsAndStatus()
    {
        var result = await RunAsync(Tiny(_server.Uri.ToString()));

        var run = Assert.Single(_server.Store.Runs);
        Assert.Equal("FINISHED", run.Status);
        Assert.NotNull(run.EndTime);
        Assert.Equal("0.01", run.Params["optimizer.lr"]);
        Assert.Equal("0.1", run.Params["data.dev_fraction"]);
        Assert.Equal("mlp", run.Params["model.name"]);
        Assert.Equal("16", run.Params["model.hidden_units"]);
        foreach (var tag in new[] { "mlflow.runName", "mlflow.source.name", "mlflow.source.type", "mlflow.user", "mlflow.note.content",
                     "torchsharp.version", "dotnet.version", "host.cores", "training.threads" })
            Assert.True(run.Tags.ContainsKey(tag), $"tag {tag} is missing");
        Assert.Equal("LOCAL", run.Tags["mlflow.source.type"]);
        Assert.Equal("vision", run.Tags["team"]);
        Assert.Contains(run.Tags.Keys, k => k.StartsWith("data.md5.", StringComparison.Ordinal));

        foreach (var key in new[] { "train_loss", "dev_loss", "dev_accuracy", "lr", "epoch_seconds", "images_per_second" })
            Assert.Equal([1L, 2L], _server.Store.History(run.RunId, key).Select(m => m.Step));
        Assert.Equal(result.History[1].DevAccuracy, _server.Store.History(run.RunId, "dev_accuracy")[1].Value, 12);
        Assert.Equal(result.Final.TestAccuracy, run.Latest["test_accuracy"].Value, 12);
        foreach (var key in new[] { "best_dev_accuracy", "best_epoch", "test_loss" })
            Assert.True(run.Latest.ContainsKey(key), $"metric {key} is missing");

        var artifacts = _server.Store.Artifacts.Keys.Select(k => k[(k.IndexOf("/artifacts/", StringComparison.Ordinal) + 11)..]).ToList();
        foreach (var file in new[] { "experiment.yaml", "metrics.csv", "best-model.dat", "best-model.pt", "final.json",
                     "confusion_matrix.csv", "plots/learning_curves.png" })
            Assert.Contains(file, artifacts);
    }

    [Fact]
    public async Task ServerDown_SyncSendsOnce()
    {
        await _server.StopAsync();
        var experiment = Tiny(_server.Uri.ToString());

        var result = await RunAsync(experiment);
        await _server.RestartAsync();
        using var services = TestHost.Services();
        var sync = services.GetRequiredService<MlflowSync>();
        var options = MlflowOptionsResolver.Resolve(new MlflowCommandLine(_server.Uri.ToString()), null, _ => null);
        await sync.SyncAsync(_temp.File("runs"), options, CancellationToken.None);
        await sync.SyncAsync(_temp.File("runs"), options, CancellationToken.None);

        Assert.Equal(2, result.History.Count);
        var run = Assert.Single(_server.Store.Runs);
        Assert.Equal("FINISHED", run.Status);
        Assert.Equal([1L, 2L], _server.Store.History(run.RunId, "dev_accuracy").Select(m => m.Step));
    }

    [Fact]
    public async Task NoUri_KeepsRunLocallyThenSyncs()
    {
        await RunAsync(Tiny(uri: null));
        Assert.Empty(_server.Store.Runs);

        using var services = TestHost.Services();
        var options = MlflowOptionsResolver.Resolve(new MlflowCommandLine(_server.Uri.ToString()), null, _ => null);
        await services.GetRequiredService<MlflowSync>().SyncAsync(_temp.File("runs"), options, CancellationToken.None);

        var run = Assert.Single(_server.Store.Runs);
        Assert.Equal("FINISHED", run.Status);
        Assert.Equal("0.01", run.Params["optimizer.lr"]);
    }

    [Fact]
    public async Task Cancelled_RunIsKilledOnServer()
    {
        using var interrupt = new CancellationTokenSource();
        var experiment = Tiny(_server.Uri.ToString());
        experiment.Training.Epochs = 5;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(experiment, interrupt.Token,
            s => s.AddSingleton<IMetricSinkFactory>(new CancelOnFirstEpoch(interrupt))));

        var run = Assert.Single(_server.Store.Runs);
        Assert.Equal("KILLED", run.Status);
        Assert.NotNull(run.EndTime);
    }

    private sealed class CancelOnFirstEpoch(CancellationTokenSource source) : IMetricSinkFactory, IMetricSink
    {
        public IMetricSink Create(Experiment experiment, RunPaths paths) => this;

        public Task StartRunAsync(RunInfo run, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task LogEpochAsync(EpochMetrics metrics, CancellationToken cancellationToken)
        {
            source.Cancel();
            return Task.CompletedTask;
        }

        public Task LogArtifactAsync(string localPath, string artifactPath, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task EndRunAsync(RunEnd end, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
