using FashionMnist.Data;
using FashionMnist.Tests.Data;

namespace FashionMnist.Tests.Cli;

/// <summary>
/// Two real run folders, trained once per test class by <c>fmnist run</c> on generated Kaggle CSV files: an
/// MLP with 32 hidden units for two epochs, the second run at a different learning rate.
/// </summary>
public sealed class TrainedRunFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    /// <summary>Folder of the generated CSV files.</summary>
    public string DataDirectory => Path.Combine(_directory.Path, "data");

    /// <summary>Folder the runs are written to, as output.dir.</summary>
    public string RunsDirectory => Path.Combine(_directory.Path, "runs");

    public string ExperimentFile => _directory.File("cli-tiny.yaml");

    /// <summary>The run trained at lr 0.01.</summary>
    public string FirstRun { get; private set; } = "";

    /// <summary>The run trained with <c>--set optimizer.lr=0.002</c>.</summary>
    public string SecondRun { get; private set; } = "";

    /// <summary>The test images written to fashion-mnist_test.csv.</summary>
    internal ImageSet TestSet { get; } = CliData.Create(100, seed: 2);

    /// <summary>
    /// Returns the full path of <paramref name="name"/> in a folder that lives as long as the fixture.
    /// </summary>
    public string File(string name) => _directory.File(name);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        System.IO.File.WriteAllText(Path.Combine(DataDirectory, OfficialFiles.CsvTrainName),
            TestImages.Csv(CliData.Create(300, seed: 1)));
        System.IO.File.WriteAllText(Path.Combine(DataDirectory, OfficialFiles.CsvTestName), TestImages.Csv(TestSet));
        System.IO.File.WriteAllText(ExperimentFile, $"""
            data:
              format: csv
              dir: {DataDirectory}
              scale: unit
              dev_fraction: 0.2
            model:
              name: mlp
              hidden_layers: 1
              hidden_units: 32
            optimizer:
              name: adam
              lr: 0.01
            training:
              epochs: 2
              threads: 1
            output:
              dir: {RunsDirectory}
            """);

        FirstRun = await TrainAsync();
        SecondRun = await TrainAsync("--set", "optimizer.lr=0.002");
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> TrainAsync(params string[] extra)
    {
        var before = Directory.Exists(RunsDirectory) ? Directory.GetDirectories(RunsDirectory) : [];
        var result = await Fmnist.RunAsync(["run", ExperimentFile, "--quiet", .. extra]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"fmnist run failed for the fixture: {result}");
        return Directory.GetDirectories(RunsDirectory).Except(before).Single();
    }
}
