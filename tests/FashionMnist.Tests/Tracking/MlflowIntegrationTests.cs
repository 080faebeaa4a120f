using FashionMnist.Tracking;
using FashionMnist.Tracking.Mlflow;

namespace FashionMnist.Tests.Tracking;

/// <summary>Logs a short run to the real MLflow server named by MLFLOW_TEST_TRACKING_URI.</summary>
public sealed class MlflowIntegrationTests
{
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
