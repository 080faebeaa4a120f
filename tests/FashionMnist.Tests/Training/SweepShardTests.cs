using System.Text.Json;
using FashionMnist.Tests.Data;

namespace FashionMnist.Tests.Training;

public class SweepShardTests
{
    [Fact]
    public async Task TwoShardProcesses_RunEveryPointOnce()
    {
        using var temp = new TempDirectory();
        LearnableImages.WriteCsv(temp.File("data"), trainCount: 120, testCount: 40);
        var experiment = temp.Write("sweep.yaml", $"""
            data:
              format: csv
              dir: {temp.File("data")}
              scale: unit
              dev_fraction: 0.25
            model:
              name: mlp
              hidden_layers: 1
              hidden_units: 8
            training:
              epochs: 1
              batch_size: 32
              threads: 1
            output:
              dir: {temp.File("runs")}
            sweep:
              method: grid
              parameters:
                optimizer.lr: [0.001, 0.01, 0.1]
                training.seed: [1, 2]
            """);

        var shards = await Task.WhenAll(RunShardAsync(experiment, "1/2"), RunShardAsync(experiment, "2/2"));

        Assert.All(shards, s => Assert.True(s.ExitCode == 0, s.Output));
        var summaries = Directory.GetDirectories(temp.File("runs"), "*-sweep*")
            .Select(d => JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "sweep.json"))).RootElement)
            .ToList();
        var indices = summaries.SelectMany(s => s.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("index").GetInt32())).Order().ToList();
        var sweepIds = summaries.Select(s => s.GetProperty("sweep_id").GetString()).Distinct().ToList();
        var childRuns = Directory.GetDirectories(temp.File("runs")).Count(d => !d.Contains("-sweep"));
        Assert.Equal(2, summaries.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5], indices);
        Assert.Single(sweepIds);
        Assert.Equal(6, childRuns);
    }

    private static Task<(int ExitCode, string Output)> RunShardAsync(string experiment, string shard) =>
        CliProcess.RunAsync("run", experiment, "--shard", shard, "--quiet");
}
