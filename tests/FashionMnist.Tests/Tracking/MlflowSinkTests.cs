using System.Diagnostics;
using FashionMnist.Tests.Tracking.Fakes;
using FashionMnist.Tracking;
using FashionMnist.Tracking.Mlflow;
using FashionMnist.Tracking.Mlflow.Internal;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tests.Tracking;

public sealed class MlflowSinkTests : IAsyncLifetime
{
    private readonly TrackingTestHost _host = new();
    private readonly TemporaryDirectory _runs = new();
    private FakeMlflowServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMlflowServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _host.DisposeAsync();
        _runs.Dispose();
    }

    private MlflowSink Sink(Func<MlflowOptions, MlflowOptions>? change = null)
    {
        var options = TrackingTestHost.FastOptions(_server.Uri);
        return _host.Sink(change is null ? options : change(options));
    }

    private static RunEnd Finished(int epochs) => new()
    {
        Status = RunStatus.Finished,
        EndTimeMs = 1_796_000_100_000,
        Final = new FinalMetrics
        {
            BestDevAccuracy = 0.91,
            BestEpoch = 2,
            TestAccuracy = 0.9,
            TestLoss = 0.3,
            EpochsTrained = epochs,
            TrainingSeconds = 12.5,
            ConfusionMatrix = [],
        },
    };

    private FakeRun SingleRun() => Assert.Single(_server.Store.Runs);

    private IReadOnlyList<long> Steps(FakeRun run, string key) =>
        _server.Store.History(run.RunId, key).Select(m => m.Step).ToList();

    private int Warnings => _host.Logs.At(LogLevel.Warning).Count;

    [Fact]
    public async Task Run_Finished_RecordsEverythingOnServer()
    {
        var info = TrackingTestHost.Run(_runs.Path);
        await using var sink = Sink();

        await sink.StartRunAsync(info, default);
        for (var epoch = 1; epoch <= 3; epoch++)
            await sink.LogEpochAsync(TrackingTestHost.Epoch(epoch), default);
        await sink.EndRunAsync(Finished(3), default);

        var run = SingleRun();
        Assert.Equal("fashion", _server.Store.Experiment(run.ExperimentId).Name);
        Assert.Equal("FINISHED", run.Status);
        Assert.Equal(1_796_000_100_000, run.EndTime);
        Assert.Equal(info.StartTimeMs, run.StartTime);
        Assert.Equal("run-1-name", run.RunName);
        Assert.Equal("experiments/baseline.yaml", run.Tags["mlflow.source.name"]);
        Assert.Equal("LOCAL", run.Tags["mlflow.source.type"]);
        Assert.Equal(Environment.UserName, run.Tags["mlflow.user"]);
        Assert.Equal("Baseline CNN.", run.Tags["mlflow.note.content"]);
        Assert.Equal("vision", run.Tags["team"]);
        Assert.Equal("run-1", run.Tags["fmnist.run_id"]);
        Assert.Equal("0.01", run.Params["optimizer.lr"]);
        Assert.Equal("3", run.Params["training.epochs"]);
        string[] epochKeys =
            ["train_loss", "train_accuracy", "dev_loss", "dev_accuracy", "lr", "epoch_seconds", "images_per_second"];
        foreach (var key in epochKeys)
            Assert.Equal([1L, 2L, 3L], Steps(run, key));
        Assert.Equal(1_796_000_002_000, _server.Store.History(run.RunId, "train_loss")[1].Timestamp);
        Assert.Equal(0.91, run.Latest["best_dev_accuracy"].Value);
        Assert.Equal(2, run.Latest["best_epoch"].Value);
        Assert.Equal(0.9, run.Latest["test_accuracy"].Value);
        Assert.Equal(0.3, run.Latest["test_loss"].Value);
        Assert.Equal(0, Warnings);
    }

    [Fact]
    public async Task Epoch_NoDevSet_LeavesDevMetricsOut()
    {
        await using var sink = Sink();
        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), default);

        await sink.LogEpochAsync(TrackingTestHost.Epoch(1, devLoss: double.NaN, devAccuracy: double.NaN), default);

        var run = SingleRun();
        Assert.False(run.Latest.ContainsKey("dev_loss"));
        Assert.False(run.Latest.ContainsKey("dev_accuracy"));
        Assert.True(run.Latest.ContainsKey("train_loss"));
    }

    [Fact]
    public async Task Epoch_DivergedLoss_SentAsNaN()
    {
        await using var sink = Sink();
        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), default);

        var diverged = TrackingTestHost.Epoch(1, trainLoss: double.NaN, devLoss: double.PositiveInfinity);
        await sink.LogEpochAsync(diverged, default);

        var run = SingleRun();
        var body = _server.RequestsTo("runs/log-batch")[^1].BodyText;
        Assert.Contains("{\"key\":\"train_loss\",\"value\":\"NaN\"", body);
        Assert.Contains("{\"key\":\"dev_loss\",\"value\":\"Infinity\"", body);
        Assert.True(double.IsNaN(run.Latest["train_loss"].Value));
        Assert.Equal(double.MaxValue, run.Latest["dev_loss"].Value);
    }

    [Fact]
    public async Task Start_ManyParams_SplitsBatches()
    {
        var info = TrackingTestHost.Run(_runs.Path) with
        {
            Parameters = Enumerable.Range(0, 250).ToDictionary(i => $"p.{i}", i => i.ToString()),
            Tags = Enumerable.Range(0, 150).ToDictionary(i => $"t.{i}", i => "v"),
        };
        await using var sink = Sink();

        await sink.StartRunAsync(info, default);

        var requests = _server.RequestsTo("runs/log-batch");
        Assert.All(requests, r => Assert.Equal(200, r.Status));
        Assert.All(requests, r => Assert.InRange(r.CountOf("params"), 0, 100));
        Assert.All(requests, r => Assert.InRange(r.CountOf("tags"), 0, 100));
        Assert.Equal(250, SingleRun().Params.Count);
        Assert.Equal(150, SingleRun().Tags.Keys.Count(k => k.StartsWith("t.")));
    }

    [Fact]
    public async Task Start_LongParam_Truncated()
    {
        var info = TrackingTestHost.Run(_runs.Path) with
        {
            Parameters = new Dictionary<string, string>
            {
                ["model.layers"] = new string('x', 7000),
                ["data.files"] = new string('y', 6500),
            },
        };
        await using var sink = Sink();

        await sink.StartRunAsync(info, default);

        var value = SingleRun().Params["model.layers"];
        Assert.Equal(MlflowKeys.MaxParamValueLength, value.Length);
        Assert.EndsWith(MlflowKeys.TruncationMarker, value);
        var warning = Assert.Single(_host.Logs.At(LogLevel.Warning));
        Assert.Contains("model.layers (7000 characters), data.files (6500 characters)", warning.Message);
    }

    [Fact]
    public async Task Start_InvalidParamKeys_RenamedWithOneWarning()
    {
        var info = TrackingTestHost.Run(_runs.Path) with
        {
            Parameters = new Dictionary<string, string> { ["augment.crop[0]"] = "4", ["../lr"] = "0.1" },
        };
        await using var sink = Sink();

        await sink.StartRunAsync(info, default);

        var run = SingleRun();
        Assert.Equal("4", run.Params["augment.crop_0_"]);
        Assert.Equal("0.1", run.Params["__/lr"]);
        var warning = Assert.Single(_host.Logs.At(LogLevel.Warning));
        Assert.Contains("'augment.crop[0]' → 'augment.crop_0_'", warning.Message);
    }

    [Fact]
    public async Task Resume_ChangedParam_KeepsLoggedValue()
    {
        var info = TrackingTestHost.Run(_runs.Path);
        await using (var first = Sink())
        {
            await first.StartRunAsync(info, default);
            await first.LogEpochAsync(TrackingTestHost.Epoch(1), default);
            await first.EndRunAsync(new RunEnd { Status = RunStatus.Killed, EndTimeMs = 1_796_000_050_000 }, default);
        }
        var resumed = info with
        {
            Parameters = new Dictionary<string, string> { ["optimizer.lr"] = "0.02", ["training.epochs"] = "3" },
        };

        await using var second = Sink();
        await second.StartRunAsync(resumed, default);
        await second.LogEpochAsync(TrackingTestHost.Epoch(2), default);
        await second.EndRunAsync(Finished(2), default);

        var run = SingleRun();
        Assert.Equal("0.01", run.Params["optimizer.lr"]);
        Assert.Equal("optimizer.lr", run.Tags["fmnist.param_conflicts"]);
        Assert.Equal("FINISHED", run.Status);
        Assert.Equal([1L, 2L], Steps(run, "train_loss"));
        var error = Assert.Single(_host.Logs.Named("ParamConflict"));
        Assert.Contains("'0.01' and is now '0.02'", error.Message);
        Assert.All(_server.Requests, r => Assert.NotEqual(400, r.Status));
    }

    [Fact]
    public async Task Start_ServerDown_CatchesUpLater()
    {
        await _server.StopAsync();
        await using var sink = Sink();

        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(2), default);
        await _server.RestartAsync();
        await sink.LogEpochAsync(TrackingTestHost.Epoch(3), default);
        await sink.EndRunAsync(Finished(3), default);

        var run = SingleRun();
        Assert.Equal([1L, 2L, 3L], Steps(run, "train_loss"));
        Assert.Equal("FINISHED", run.Status);
        Assert.Equal(1, Warnings);
        Assert.Single(_host.Logs.Named("ServerUnreachable"));
        Assert.Single(_host.Logs.Named("ServerBack"));
    }

    [Fact]
    public async Task Run_ServerDownMidRun_LosesNothing()
    {
        await using var sink = Sink();
        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), default);

        await _server.StopAsync();
        await sink.LogEpochAsync(TrackingTestHost.Epoch(2), default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(3), default);
        await _server.RestartAsync();
        await sink.LogEpochAsync(TrackingTestHost.Epoch(4), default);
        await sink.EndRunAsync(Finished(4), default);

        var run = SingleRun();
        Assert.Equal([1L, 2L, 3L, 4L], Steps(run, "train_loss"));
        Assert.Equal([1L, 2L, 3L, 4L], Steps(run, "dev_accuracy"));
        Assert.Equal(1, Warnings);
        Assert.Equal("FINISHED", run.Status);
    }

    [Fact]
    public async Task Epoch_ServerErrors_KeptAndSentLater()
    {
        await using var sink = Sink(o => o with { MaxRetries = 1 });
        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), default);
        // Two failures for the first epoch (one retry), then one for the single probe of the second.
        _server.FailNext(3, 503, "runs/log-batch");

        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), default);
        var afterFailure = _server.Store.History(SingleRun().RunId, "train_loss").Count;
        await sink.LogEpochAsync(TrackingTestHost.Epoch(2), default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(3), default);

        Assert.Equal(0, afterFailure);
        Assert.Equal([1L, 2L, 3L], Steps(SingleRun(), "train_loss"));
        Assert.Equal(1, Warnings);
        Assert.Contains("HTTP 503", _host.Logs.Named("ServerUnreachable")[0].Message);
    }

    [Fact]
    public async Task Epoch_SlowServer_BlocksWithinBudget()
    {
        await using var sink = Sink(o => o with { MaxBlockPerEpoch = TimeSpan.FromMilliseconds(500) });
        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), default);
        _server.Delay = TimeSpan.FromSeconds(3);

        var clock = Stopwatch.StartNew();
        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), default);
        var blocked = clock.Elapsed;
        _server.Delay = TimeSpan.Zero;
        await sink.LogEpochAsync(TrackingTestHost.Epoch(2), default);

        Assert.True(blocked < TimeSpan.FromSeconds(1.5), $"blocked {blocked}");
        Assert.Contains("did not respond within 0.5 s", _host.Logs.Named("ServerUnreachable")[0].Message);
        Assert.Equal([1L, 2L], Steps(SingleRun(), "train_loss"));
    }

    [Fact]
    public async Task End_Cancelled_SetsKilledWithEndTime()
    {
        using var cancellation = new CancellationTokenSource();
        await using var sink = Sink();
        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), cancellation.Token);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), cancellation.Token);

        await cancellation.CancelAsync();
        var end = new RunEnd { Status = RunStatus.Killed, EndTimeMs = 1_796_000_070_000 };
        await sink.EndRunAsync(end, cancellation.Token);

        var run = SingleRun();
        Assert.Equal("KILLED", run.Status);
        Assert.Equal(1_796_000_070_000, run.EndTime);
        Assert.Contains("**Run interrupted**", run.Tags["mlflow.note.content"]);
    }

    [Fact]
    public async Task End_Failed_RecordsErrorInTagAndNote()
    {
        await using var sink = Sink();
        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), default);

        var end = new RunEnd
        {
            Status = RunStatus.Failed,
            EndTimeMs = 1_796_000_080_000,
            Error = "Out of memory in epoch 2.",
        };
        await sink.EndRunAsync(end, default);

        var run = SingleRun();
        Assert.Equal("FAILED", run.Status);
        Assert.Equal(1_796_000_080_000, run.EndTime);
        Assert.Equal("Out of memory in epoch 2.", run.Tags["error"]);
        Assert.Equal("Baseline CNN.\n\n**Run failed:** Out of memory in epoch 2.", run.Tags["mlflow.note.content"]);
    }

    [Fact]
    public async Task Dispose_WithoutEnd_SetsKilled()
    {
        var sink = Sink();
        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), default);

        await sink.DisposeAsync();

        var run = SingleRun();
        Assert.Equal("KILLED", run.Status);
        Assert.NotNull(run.EndTime);
    }

    [Fact]
    public async Task Artifact_ProxyServer_UploadsFromRunFolder()
    {
        var info = TrackingTestHost.Run(_runs.Path);
        await using var sink = Sink();
        await sink.StartRunAsync(info, default);
        var file = Path.Combine(info.RunDirectory, "metrics.csv");
        await File.WriteAllTextAsync(file, "epoch,loss\n1,0.5\n");

        await sink.LogArtifactAsync(file, "metrics.csv", default);
        var queued = _server.Store.Artifacts.Count;
        await sink.EndRunAsync(new RunEnd { Status = RunStatus.Finished, EndTimeMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, default);

        var run = SingleRun();
        Assert.Equal(0, queued);
        Assert.Equal("epoch,loss\n1,0.5\n", System.Text.Encoding.UTF8.GetString(
            _server.Store.Artifacts[$"{run.ExperimentId}/{run.RunId}/artifacts/metrics.csv"]));
        var entries = RunJournal.Read(RunJournal.PathFor(info.RunDirectory));
        var entry = Assert.Single(entries, e => e.Op == JournalEntry.LogArtifact);
        Assert.Equal("metrics.csv", entry.LocalPath);
    }

    [Fact]
    public async Task Artifact_FileArtifactRoot_CopiesIntoStore()
    {
        await using var server = await FakeMlflowServer.StartAsync(new Uri(_runs.Combine("store")).ToString());
        var info = TrackingTestHost.Run(_runs.Path);
        await using var sink = _host.Sink(TrackingTestHost.FastOptions(server.Uri));
        await sink.StartRunAsync(info, default);
        var file = Path.Combine(info.RunDirectory, "model.bin");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);

        await sink.LogArtifactAsync(file, "model/model.bin", default);
        await sink.EndRunAsync(new RunEnd { Status = RunStatus.Finished, EndTimeMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, default);

        var run = Assert.Single(server.Store.Runs);
        var copied = _runs.Combine("store", run.ExperimentId, run.RunId, "artifacts", "model", "model.bin");
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(copied));
    }

    [Fact]
    public async Task Artifact_UnsupportedStore_ReportedOnce()
    {
        await using var server = await FakeMlflowServer.StartAsync("s3://bucket/mlflow");
        var info = TrackingTestHost.Run(_runs.Path);
        await using var sink = _host.Sink(TrackingTestHost.FastOptions(server.Uri));
        await sink.StartRunAsync(info, default);
        var file = Path.Combine(info.RunDirectory, "a.txt");
        await File.WriteAllTextAsync(file, "a");

        await sink.LogArtifactAsync(file, "a.txt", default);
        await sink.LogArtifactAsync(file, "b.txt", default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), default);

        var error = Assert.Single(_host.Logs.Named("OperationRejected"));
        Assert.Contains("--serve-artifacts", error.Message);
        Assert.Single(server.Store.History(Assert.Single(server.Store.Runs).RunId, "train_loss"));
    }

    [Fact]
    public async Task Start_DeletedExperiment_LogsRestoreHint()
    {
        var experiment = _server.Store.CreateExperiment("fashion", []);
        experiment.LifecycleStage = "deleted";
        var info = TrackingTestHost.Run(_runs.Path);
        await using var sink = Sink();

        await sink.StartRunAsync(info, default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), default);
        await sink.EndRunAsync(Finished(1), default);

        Assert.Empty(_server.Store.Runs);
        var error = Assert.Single(_host.Logs.Named("LoggingStopped"));
        Assert.Contains("mlflow experiments restore", error.Message);
        Assert.Contains(RunJournal.PathFor(info.RunDirectory), error.Message);
        Assert.Contains(RunJournal.Read(RunJournal.PathFor(info.RunDirectory)), e => e.Op == JournalEntry.EndRun);
    }

    [Fact]
    public async Task Run_NoTrackingUri_JournalOnly()
    {
        var info = TrackingTestHost.Run(_runs.Path);
        await using var sink = _host.Sink(TrackingTestHost.FastOptions(null));

        await sink.StartRunAsync(info, default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), default);
        await sink.EndRunAsync(Finished(1), default);

        var entries = RunJournal.Read(RunJournal.PathFor(info.RunDirectory));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.Equal(JournalEntry.StartRun, entries[0].Op);
        Assert.Equal("fashion", entries[0].Experiment);
        Assert.Contains(entries, e => e.Params?.Any(p => p.Key == "optimizer.lr") == true);
        Assert.Contains(entries, e => e.Metrics?.Any(m => m.Key == "train_loss" && m.Step == 1) == true);
        Assert.Equal("FINISHED", entries[^1].Status);
        Assert.Empty(_server.Requests);
        Assert.Single(_host.Logs.Named("LocalOnly"));
        Assert.False(File.Exists(TrackingState.PathFor(info.RunDirectory)));
    }

    [Fact]
    public async Task Run_WithToken_NoSecretInLogs()
    {
        const string token = "tok-51c0ffee";
        _server.RequiredAuthorization = "Bearer " + token;
        await using var sink = Sink(o => o with { Token = token });
        _server.FailNext(2, 503, "runs/log-batch");

        await sink.StartRunAsync(TrackingTestHost.Run(_runs.Path), default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), default);
        await sink.EndRunAsync(Finished(1), default);

        Assert.Equal("FINISHED", SingleRun().Status);
        Assert.NotEmpty(_host.Logs.Named("Retrying"));
        Assert.DoesNotContain(token, _host.Logs.AllText);
        Assert.DoesNotContain(token, File.ReadAllText(RunJournal.PathFor(Path.Combine(_runs.Path, "run-1"))));
    }

    [Fact]
    public async Task Start_FolderLocked_KeepsToMemory()
    {
        var info = TrackingTestHost.Run(_runs.Path);
        await using var first = Sink();
        await first.StartRunAsync(info, default);

        await using var second = Sink();
        await second.StartRunAsync(info, default);

        Assert.Single(_host.Logs.Named("JournalLocked"));
        Assert.Single(_server.Store.Runs);
    }
}
