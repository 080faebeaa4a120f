using FashionMnist.Cli;
using FashionMnist.Tests.Data;

namespace FashionMnist.Tests.Cli;

/// <summary><c>fmnist runs</c> on run folders written by hand: complete, half-written and foreign.</summary>
public sealed class RunsCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Runs_NewestFirstWithStatus()
    {
        WriteRun("older-run", startMs: 1_700_000_000_000, final: true);
        WriteRun("newer-run", startMs: 1_800_000_000_000, final: true);

        var result = await Fmnist.RunAsync("runs", "--dir", _directory.Path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var newer = result.Lines.Single(l => l.Contains("newer-run", StringComparison.Ordinal));
        var older = result.Lines.Single(l => l.Contains("older-run", StringComparison.Ordinal));
        Assert.True(result.Lines.ToList().IndexOf(newer) < result.Lines.ToList().IndexOf(older), result.ToString());
        Assert.Contains("finished", newer);
        Assert.Contains("demo", newer);
        Assert.Contains("demo optimizer.lr=0.1", newer);
        Assert.Contains("0.8125", newer);
        Assert.Contains("0.7900", newer);
    }

    [Fact]
    public async Task Runs_ToleratesBrokenFolders()
    {
        WriteRun("training-now", startMs: 1_800_000_000_000, final: false);
        Directory.CreateDirectory(_directory.File("empty-folder"));
        Directory.CreateDirectory(_directory.File("garbage"));
        File.WriteAllText(Path.Combine(_directory.File("garbage"), "run.json"), "{\"run_id\": ");
        File.WriteAllText(Path.Combine(_directory.File("garbage"), "final.json"), "[1, 2]");
        File.WriteAllText(_directory.File("notes.txt"), "not a folder");

        var result = await Fmnist.RunAsync("runs", "--dir", _directory.Path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var training = result.Lines.Single(l => l.Contains("training-now", StringComparison.Ordinal));
        Assert.Contains("incomplete", training);
        Assert.Contains(" 1 ", training);
        Assert.Contains("0.5000", training);
        Assert.Contains("incomplete", result.Lines.Single(l => l.Contains("empty-folder", StringComparison.Ordinal)));
        Assert.Contains("incomplete", result.Lines.Single(l => l.Contains("garbage", StringComparison.Ordinal)));
        Assert.DoesNotContain("notes.txt", result.Output);
        Assert.Contains("3 run folder(s)", result.Output);
    }

    [Fact]
    public async Task Runs_EmptyFolder()
    {
        var result = await Fmnist.RunAsync("runs", "--dir", _directory.Path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("No runs in", result.Output);
    }

    [Fact]
    public async Task Runs_MissingDirIsConfigError()
    {
        var result = await Fmnist.RunAsync("runs", "--dir", _directory.File("nowhere"));

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("nowhere", result.Output);
    }

    private void WriteRun(string id, long startMs, bool final)
    {
        var folder = _directory.File(id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "run.json"), $$"""
            {
              "run_id": "{{id}}",
              "run_directory": "{{folder}}",
              "experiment_name": "demo",
              "run_name": "demo optimizer.lr=0.1",
              "parameters": { "optimizer.lr": "0.1" },
              "tags": {},
              "start_time_ms": {{startMs}}
            }
            """);
        File.WriteAllText(Path.Combine(folder, "metrics.csv"),
            "epoch,train_loss,train_accuracy,dev_loss,dev_accuracy,lr,epoch_seconds,images_per_second,timestamp_ms\n"
            + "1,1.2,0.4,1.1,0.5,0.1,2.5,1000,1800000000000\n");
        if (!final)
            return;
        File.WriteAllText(Path.Combine(folder, "final.json"), """
            {
              "status": "FINISHED",
              "end_time_ms": 1800000100000,
              "error": null,
              "best_dev_accuracy": 0.8125,
              "best_epoch": 2,
              "test_accuracy": 0.79,
              "test_loss": 0.6,
              "epochs_trained": 2,
              "training_seconds": 12.5
            }
            """);
    }
}
