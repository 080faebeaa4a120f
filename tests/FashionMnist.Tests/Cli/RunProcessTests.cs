using FashionMnist.Tests.Data;
using FashionMnist.Tests.Training;
using FashionMnist.Tracking;

namespace FashionMnist.Tests.Cli;

public class RunProcessTests
{
    [Fact]
    public async Task TwoEpochRun_WritesFilesWithFiniteMetrics()
    {
        using var temp = new TempDirectory();
        LearnableImages.WriteCsv(temp.File("data"), trainCount: 200, testCount: 50);
        var experiment = temp.Write("tiny.yaml", $$"""
            data: { format: csv, dir: {{temp.File("data")}}, scale: unit }
            model: { name: blog_cnn }
            optimizer: { name: adam, lr: 0.005 }
            schedule: { name: blog_decay }
            training: { epochs: 2, batch_size: 32, threads: 1 }
            output: { dir: {{temp.File("runs")}} }
            """);

        var (exitCode, output) = await CliProcess.RunAsync(experiment);

        Assert.True(exitCode == 0, output);
        var run = Directory.GetDirectories(temp.File("runs")).Single();
        var metrics = RunFolderSink.ReadMetrics(Path.Combine(run, "metrics.csv"));
        Assert.Equal([1, 2], metrics.Select(m => m.Epoch));
        Assert.All(metrics, m => Assert.True(double.IsFinite(m.TrainLoss) && double.IsFinite(m.DevLoss) && double.IsFinite(m.DevAccuracy)));
        foreach (var file in new[] { "experiment.yaml", "best-model.dat", "best-model.pt", "final.json", "confusion_matrix.csv", "run.json" })
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} is missing");
        Assert.Contains("epoch   1  train_loss", output);
        Assert.Contains("epoch   2  train_loss", output);
        Assert.Contains("test  accuracy", output);
    }

    [Fact]
    public async Task InvalidExperiment_ExitsWithConfigurationError()
    {
        using var temp = new TempDirectory();
        var experiment = temp.Write("bad.yaml", "optimizer:\n  name: adam\n  lrr: 0.1\ntraining:\n  epochs: -3\n");

        var (exitCode, output) = await CliProcess.RunAsync(experiment);

        Assert.Equal(2, exitCode);
        Assert.Contains("lrr", output);
        Assert.Contains("did you mean 'lr'", output);
        Assert.Contains("training.epochs", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task ResumeWithSet_ExitsWithConfigurationError()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("run"));

        var (exitCode, output) = await CliProcess.RunAsync("run", "--resume", temp.File("run"), "--set", "training.epochs=3");

        Assert.Equal(2, exitCode);
        Assert.Contains("--resume", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task MissingData_ExitsWithDataError()
    {
        using var temp = new TempDirectory();
        var experiment = temp.Write("nodata.yaml", $"data:\n  format: csv\n  dir: {temp.File("absent")}\n");

        var (exitCode, output) = await CliProcess.RunAsync(experiment);

        Assert.Equal(3, exitCode);
        Assert.Contains(temp.File("absent"), output);
        Assert.DoesNotContain("   at ", output);
    }
}
