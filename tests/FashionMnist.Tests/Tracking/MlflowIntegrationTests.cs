using FashionMnist.Experiments;
using FashionMnist.Tracking;
using FashionMnist.Tracking.Mlflow;
using FashionMnist.Training;
using Microsoft.Extensions.DependencyInjection;

namespace FashionMnist.Tests.Tracking;

/// <summary>Logs runs to the real MLflow server named by MLFLOW_TEST_TRACKING_URI.</summary>
public sealed class MlflowIntegrationTests
{
    /// <summary>Trains the shipped baseline for one epoch on the installed data and checks the server's record.</summary>
    [MlflowServerFact]
    public async Task Baseline_OneEpoch_RecordedOnRealServer()
    {
        using var runs = new TemporaryDirectory();
        var uri = Environment.GetEnvironmentVariable(MlflowServerFactAttribute.Variable)!;
        using var services = TestHost.Services();
        var loaded = services.GetRequiredService<ExperimentLoader>().Load(
            Path.Combine(CliProcess.RepositoryRoot, "experiments", "baseline.yaml"),
            ["training.epochs=1", $"output.dir={runs.Path}", $"tracking.uri={uri}", "tracking.experiment=fmnist-integration-tests"]);

        var result = await services.GetRequiredService<ExperimentRunner>().RunAsync(
            new RunRequest { Experiment = loaded.Experiment, SourcePath = loaded.SourcePath, Overrides = loaded.Overrides },
            CancellationToken.None);

        await using var host = new TrackingTestHost();
        var client = host.Client(MlflowOptionsResolver.Resolve(new MlflowCommandLine(uri), null));
        var experiment = await client.GetExperimentByNameAsync("fmnist-integration-tests", default);
        var page = await client.SearchRunsAsync(
            [experiment!.ExperimentId], $"tags.`fmnist.run_id` = '{result.Paths.RunId}'", 10, null, default);
        var run = Assert.Single(page.Runs);
        Assert.Equal("FINISHED", run.Info.Status);
        Assert.Contains(run.Data.Params, p => p.Key == "optimizer.lr" && p.Value == "0.005");
        Assert.Contains(run.Data.Metrics, m => m.Key == "test_accuracy");
        Assert.Equal([1L], (await client.GetMetricHistoryAsync(run.Info.RunId, "dev_accuracy", default)).Select(m => m.Step));
    }

    [MlflowServerFact]
    public async Task Sink_RealServer_RecordsShortRun()
    {
        await using var host = new TrackingTestHost();
        using var runs = new TemporaryDirectory();
        var uri = Environment.GetEnvironmentVariable(MlflowServerFactAttribute.Variable);
        var options = MlflowOptionsResolver.Resolve(new MlflowCommandLine(uri, "fmnist-integration-tests"), null);
        var info = TrackingTestHost.Run(runs.Path, "it-" + Guid.NewGuid().ToString("N")[..8]) with
        {
            StartTimeMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        var artifact = Path.Combine(info.RunDirectory, "notes.txt");

        await using (var sink = host.Sink(options))
        {
            await sink.StartRunAsync(info, default);
            await sink.LogEpochAsync(TrackingTestHost.Epoch(1, trainLoss: double.NaN), default);
            await sink.LogEpochAsync(TrackingTestHost.Epoch(2), default);
            await File.WriteAllTextAsync(artifact, "integration\n");
            await sink.LogArtifactAsync(artifact, "notes.txt", default);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await sink.EndRunAsync(new RunEnd { Status = RunStatus.Finished, EndTimeMs = now }, default);
        }

        var client = host.Client(options);
        var experiment = await client.GetExperimentByNameAsync("fmnist-integration-tests", default);
        var page = await client.SearchRunsAsync(
            [experiment!.ExperimentId], $"tags.`fmnist.run_id` = '{info.RunId}'", 10, null, default);
        var run = Assert.Single(page.Runs);
        var history = await client.GetMetricHistoryAsync(run.Info.RunId, "train_loss", default);
        Assert.Equal("FINISHED", run.Info.Status);
        Assert.NotNull(run.Info.EndTime);
        Assert.Equal([1L, 2L], history.Select(m => m.Step));
        Assert.True(double.IsNaN(history[0].Value));
        Assert.Contains(run.Data.Params, p => p.Key == "optimizer.lr" && p.Value == "0.01");
        Assert.Empty(host.Logs.At(Microsoft.Extensions.Logging.LogLevel.Warning));
    }
}
