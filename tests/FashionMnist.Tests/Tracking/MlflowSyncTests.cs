using FashionMnist.Tests.Tracking.Fakes;
using FashionMnist.Tracking;
using FashionMnist.Tracking.Mlflow;
using FashionMnist.Tracking.Mlflow.Internal;

namespace FashionMnist.Tests.Tracking;

public sealed class MlflowSyncTests : IAsyncLifetime
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

    private MlflowOptions Options => TrackingTestHost.FastOptions(_server.Uri);

    private async Task RecordLocallyAsync(RunInfo info, int epochs, bool end = true)
    {
        await using (var sink = _host.Sink(TrackingTestHost.FastOptions(null)))
        {
            await sink.StartRunAsync(info, default);
            for (var epoch = 1; epoch <= epochs; epoch++)
                await sink.LogEpochAsync(TrackingTestHost.Epoch(epoch), default);
            await sink.EndRunAsync(new RunEnd { Status = RunStatus.Finished, EndTimeMs = 1_796_000_100_000 }, default);
        }
        if (!end)
        {
            // A process that died before the end leaves the journal without its end_run line.
            var journal = RunJournal.PathFor(info.RunDirectory);
            var lines = File.ReadAllLines(journal);
            File.WriteAllLines(journal, lines.Where(line => !line.Contains("\"op\":\"end_run\"")));
        }
    }

    [Fact]
    public async Task Sync_Twice_SendsEverythingOnceAndNothingNew()
    {
        await RecordLocallyAsync(TrackingTestHost.Run(_runs.Path), epochs: 3);

        var first = await _host.Sync.SyncAsync(_runs.Path, Options, default);
        var requestsAfterFirst = _server.Requests.Count;
        var second = await _host.Sync.SyncAsync(_runs.Path, Options, default);

        Assert.Equal(MlflowRunSyncStatus.Sent, Assert.Single(first.Runs).Status);
        Assert.Equal(MlflowRunSyncStatus.UpToDate, Assert.Single(second.Runs).Status);
        Assert.Equal(0, second.OperationsSent);
        Assert.Equal(requestsAfterFirst, _server.Requests.Count);
        var run = Assert.Single(_server.Store.Runs);
        Assert.Equal(first.Runs[0].ServerRunId, run.RunId);
        Assert.Equal([1L, 2L, 3L], _server.Store.History(run.RunId, "train_loss").Select(m => m.Step));
        Assert.Equal("FINISHED", run.Status);
        Assert.Equal("0.01", run.Params["optimizer.lr"]);
    }

    [Fact]
    public async Task Sync_RunFolderPath_SendsThatRunOnly()
    {
        await RecordLocallyAsync(TrackingTestHost.Run(_runs.Path, "a"), epochs: 1);
        await RecordLocallyAsync(TrackingTestHost.Run(_runs.Path, "b"), epochs: 1);

        var report = await _host.Sync.SyncAsync(_runs.Combine("b"), Options, default);

        Assert.Equal("b", Assert.Single(report.Runs).RunId);
        Assert.Equal("b", Assert.Single(_server.Store.Runs).Tags["fmnist.run_id"]);
    }

    [Fact]
    public async Task Sync_PartlySent_SendsRest()
    {
        var info = TrackingTestHost.Run(_runs.Path);
        var sink = _host.Sink(Options);
        await sink.StartRunAsync(info, default);
        await sink.LogEpochAsync(TrackingTestHost.Epoch(1), default);
        await _server.StopAsync();
        await sink.LogEpochAsync(TrackingTestHost.Epoch(2), default);
        await sink.EndRunAsync(new RunEnd { Status = RunStatus.Finished, EndTimeMs = 1_796_000_100_000 }, default);
        await sink.DisposeAsync();
        await _server.RestartAsync();

        var report = await _host.Sync.SyncAsync(_runs.Path, Options, default);

        Assert.Equal(2, Assert.Single(report.Runs).OperationsSent);
        var run = Assert.Single(_server.Store.Runs);
        Assert.Equal([1L, 2L], _server.Store.History(run.RunId, "train_loss").Select(m => m.Step));
        Assert.Equal("FINISHED", run.Status);
        Assert.Single(_server.RequestsTo("runs/create"));
    }

    [Fact]
    public async Task Sync_RunWithoutEnd_MarksItKilled()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await RecordLocallyAsync(TrackingTestHost.Run(_runs.Path), epochs: 2, end: false);
        var lastRecorded = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await _host.Sync.SyncAsync(_runs.Path, Options, default);

        var run = Assert.Single(_server.Store.Runs);
        Assert.Equal("KILLED", run.Status);
        // The end time is when the journal's last entry was written.
        Assert.InRange(run.EndTime!.Value, before, lastRecorded);
        Assert.Single(_host.Logs.Named("SyncMarkedKilled"));
    }

    [Fact]
    public async Task Sync_RunStillTraining_LeftAlone()
    {
        var info = TrackingTestHost.Run(_runs.Path);
        await using var sink = _host.Sink(TrackingTestHost.FastOptions(null));
        await sink.StartRunAsync(info, default);

        var report = await _host.Sync.SyncAsync(_runs.Path, Options, default);

        Assert.Equal(MlflowRunSyncStatus.InProgress, Assert.Single(report.Runs).Status);
        Assert.Empty(_server.Store.Runs);
    }

    [Fact]
    public async Task Sync_LostCreateResponse_ReusesRun()
    {
        var info = TrackingTestHost.Run(_runs.Path);
        await RecordLocallyAsync(info, epochs: 1);
        // The run was created on the server but its response never arrived.
        var client = _host.Client(Options);
        var experiment = await client.GetOrCreateExperimentAsync("fashion", default);
        MlflowTag[] tags = [new MlflowTag("fmnist.run_id", "run-1")];
        var existing = await client.CreateRunAsync(experiment.ExperimentId, "run-1-name", 1, null, tags, default);
        var state = new TrackingState();
        state.For(_server.Uri).CreateAttempted = true;
        state.Save(info.RunDirectory);

        var report = await _host.Sync.SyncAsync(_runs.Path, Options, default);

        Assert.Equal(existing.Info.RunId, Assert.Single(report.Runs).ServerRunId);
        Assert.Single(_server.Store.Runs);
        Assert.Single(_server.Store.History(existing.Info.RunId, "train_loss"));
    }

    [Fact]
    public async Task Sync_ServerParamConflict_SendsMetrics()
    {
        var info = TrackingTestHost.Run(_runs.Path);
        await RecordLocallyAsync(info, epochs: 1);
        var client = _host.Client(Options);
        var experiment = await client.GetOrCreateExperimentAsync("fashion", default);
        var existing = await client.CreateRunAsync(experiment.ExperimentId, "run-1-name", 1, null, [], default);
        await client.LogBatchAsync(existing.Info.RunId, [], [new MlflowParam("optimizer.lr", "0.5")], [], default);
        var state = new TrackingState();
        var server = state.For(_server.Uri);
        (server.ExperimentId, server.RunId, server.AcknowledgedSeq) = (experiment.ExperimentId, existing.Info.RunId, 1);
        state.Save(info.RunDirectory);

        var report = await _host.Sync.SyncAsync(_runs.Path, Options, default);

        Assert.Equal(MlflowRunSyncStatus.Sent, Assert.Single(report.Runs).Status);
        var run = Assert.Single(_server.Store.Runs);
        Assert.Equal("0.5", run.Params["optimizer.lr"]);
        Assert.Equal("vision", run.Tags["team"]);
        Assert.Single(_server.Store.History(run.RunId, "train_loss"));
        var error = Assert.Single(_host.Logs.Named("ServerParamConflict"));
        Assert.Contains("Changing param values is not allowed", error.Message);
    }

    [Fact]
    public async Task Sync_SweepChild_NestedUnderParent()
    {
        await RecordLocallyAsync(TrackingTestHost.Run(_runs.Path, "sweep"), epochs: 0);
        await RecordLocallyAsync(TrackingTestHost.Run(_runs.Path, "point-1") with { ParentRunId = "sweep" }, epochs: 1);

        await _host.Sync.SyncAsync(_runs.Path, Options, default);

        var parent = _server.Store.Runs.Single(r => r.Tags["fmnist.run_id"] == "sweep");
        var child = _server.Store.Runs.Single(r => r.Tags["fmnist.run_id"] == "point-1");
        Assert.Equal(parent.RunId, child.Tags["mlflow.parentRunId"]);
        Assert.Equal("sweep", child.Tags["fmnist.parent_run_id"]);
    }

    [Fact]
    public async Task Sync_ChildRecordedFirst_StillNested()
    {
        // The child's journal starts before the parent's, so only the parent-first order nests it.
        await RecordLocallyAsync(TrackingTestHost.Run(_runs.Path, "a-point") with { ParentRunId = "z-sweep" }, epochs: 1);
        await Task.Delay(5);
        await RecordLocallyAsync(TrackingTestHost.Run(_runs.Path, "z-sweep"), epochs: 0);

        await _host.Sync.SyncAsync(_runs.Path, Options, default);

        var parent = _server.Store.Runs.Single(r => r.Tags["fmnist.run_id"] == "z-sweep");
        var child = _server.Store.Runs.Single(r => r.Tags["fmnist.run_id"] == "a-point");
        Assert.Equal(parent.RunId, child.Tags["mlflow.parentRunId"]);
    }

    [Fact]
    public async Task Sync_ServerDown_ReportsFailureAndKeepsJournal()
    {
        await RecordLocallyAsync(TrackingTestHost.Run(_runs.Path), epochs: 1);
        await _server.StopAsync();

        var report = await _host.Sync.SyncAsync(_runs.Path, Options with { MaxRetries = 0 }, default);

        var result = Assert.Single(report.Runs);
        Assert.Equal(MlflowRunSyncStatus.Failed, result.Status);
        Assert.Contains("did not respond", result.Error);
        Assert.Equal(1, report.FailedCount);
    }

    [Fact]
    public async Task Sync_NoTrackingUri_Throws()
    {
        var error = await Assert.ThrowsAsync<MlflowOptionsException>(
            () => _host.Sync.SyncAsync(_runs.Path, TrackingTestHost.FastOptions(null), default));

        Assert.Contains("MLFLOW_TRACKING_URI", error.Message);
    }

    [Fact]
    public async Task Sync_MissingFolder_NamesIt()
    {
        var missing = _runs.Combine("nope");

        var error = await Assert.ThrowsAsync<MlflowException>(() => _host.Sync.SyncAsync(missing, Options, default));

        Assert.Contains($"'{missing}' is not a folder", error.Message);
    }
}
