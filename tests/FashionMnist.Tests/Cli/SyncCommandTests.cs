using FashionMnist.Tests.Data;
using FashionMnist.Tests.Tracking.Fakes;
using FashionMnist.Tests.Training;

namespace FashionMnist.Tests.Cli;

public class SyncCommandTests
{
    [Fact]
    public async Task LocalRun_SyncedTwice_AppearsOnce()
    {
        using var temp = new TempDirectory();
        await using var server = await FakeMlflowServer.StartAsync();
        LearnableImages.WriteCsv(temp.File("data"), trainCount: 120, testCount: 40);
        var experiment = temp.Write("local.yaml", $$"""
            data: { format: csv, dir: {{temp.File("data")}}, scale: unit }
            model: { name: mlp, hidden_layers: 1, hidden_units: 8 }
            training: { epochs: 2, batch_size: 32, threads: 1 }
            output: { dir: {{temp.File("runs")}} }
            """);

        var run = await Fmnist.RunAsync("run", experiment, "--quiet");
        var first = await Fmnist.RunAsync("sync", temp.File("runs"), "--tracking-uri", server.Uri.ToString());
        var second = await Fmnist.RunAsync("sync", temp.File("runs"), "--tracking-uri", server.Uri.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var stored = Assert.Single(server.Store.Runs);
        Assert.Equal("FINISHED", stored.Status);
        Assert.Equal([1L, 2L], server.Store.History(stored.RunId, "dev_accuracy").Select(m => m.Step));
        Assert.Contains("0 operations sent", second.Output);
    }

    [Fact]
    public async Task NoTrackingUri_IsConfigurationError()
    {
        using var temp = new TempDirectory();

        var result = await Fmnist.RunAsync(services => { }, "sync", temp.Path);

        Assert.True(result.ExitCode is 2, result.Output);
        Assert.Contains("MLFLOW_TRACKING_URI", result.Output);
    }
}
