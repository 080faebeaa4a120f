using System.Text.Json;
using FashionMnist.Experiments;
using FashionMnist.Models;
using FashionMnist.Tests.Data;
using FashionMnist.Tracking;
using FashionMnist.Training;
using Microsoft.Extensions.DependencyInjection;

namespace FashionMnist.Tests.Training;

public class ExperimentRunnerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ExperimentRunnerTests() => LearnableImages.WriteCsv(_temp.File("data"));

    public void Dispose() => _temp.Dispose();

    private Experiment Tiny(int epochs = 2, string output = "runs") => new()
    {
        Data = new DataOptions { Format = "csv", Dir = _temp.File("data"), Scale = "unit", DevFraction = 0.2, Split = "stratified" },
        Model = new ComponentOptions { Name = "mlp", Settings = new Mlp.Settings { HiddenLayers = 1, HiddenUnits = 32, Dropout = 0.1 } },
        Optimizer = new OptimizerOptions { Name = "adam", Lr = 0.01 },
        Schedule = new ComponentOptions { Name = "blog_decay" },
        Training = new TrainingOptions { Epochs = epochs, BatchSize = 16, Seed = 3, Threads = 1 },
        Output = new OutputOptions { Dir = _temp.File(output) },
    };

    private static async Task<RunResult> RunAsync(Experiment experiment, string? resume = null,
        Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        using var services = TestHost.Services(configure);
        var runner = services.GetRequiredService<ExperimentRunner>();
        return await runner.RunAsync(new RunRequest { Experiment = experiment, ResumeDirectory = resume }, cancellationToken);
    }

    [Fact]
    public async Task TwoEpochs_WriteRunFolder()
    {
        var result = await RunAsync(Tiny());

        var paths = result.Paths;
        foreach (var file in new[] { paths.Experiment, paths.Metrics, paths.BestWeights, paths.BestWeightsPyTorch, paths.Final,
                     paths.ConfusionMatrix, paths.ClassificationReport, paths.RunInfo })
            Assert.True(File.Exists(file), $"{file} is missing");
        Assert.Equal(2, RunFolderSink.ReadMetrics(paths.Metrics).Count);
        Assert.All(result.History, m => Assert.True(double.IsFinite(m.TrainLoss) && double.IsFinite(m.DevLoss)));
        Assert.InRange(result.Final.TestAccuracy, 0.3, 1.0);
        Assert.Equal(100, result.Final.ConfusionMatrix.Sum(row => row.Sum()));

        using var final = JsonDocument.Parse(File.ReadAllText(paths.Final));
        Assert.Equal("FINISHED", final.RootElement.GetProperty("status").GetString());
        Assert.Equal(result.Final.TestAccuracy, final.RootElement.GetProperty("test_accuracy").GetDouble());
    }

    [Fact]
    public async Task SameSeed_SameMetrics()
    {
        var first = await RunAsync(Tiny(output: "a"));
        var second = await RunAsync(Tiny(output: "b"));

        Assert.Equal(first.History.Select(m => m.TrainLoss), second.History.Select(m => m.TrainLoss));
        Assert.Equal(first.History.Select(m => m.DevAccuracy), second.History.Select(m => m.DevAccuracy));
        Assert.Equal(first.Final.TestLoss, second.Final.TestLoss);
    }

    [Fact]
    public async Task OtherSeed_OtherMetrics()
    {
        var experiment = Tiny(output: "c");
        var first = await RunAsync(experiment);
        experiment.Training.Seed = 4;
        experiment.Output.Dir = _temp.File("d");
        var second = await RunAsync(experiment);

        Assert.NotEqual(first.History[0].TrainLoss, second.History[0].TrainLoss);
    }

    [Fact]
    public async Task Interrupted_ResumesToSameMetrics()
    {
        var reference = await RunAsync(Tiny(epochs: 4, output: "full"));
        using var interrupt = new CancellationTokenSource();
        var interrupted = Tiny(epochs: 4, output: "resumed");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(interrupted,
            configure: s => s.AddSingleton<IMetricSinkFactory>(new CancelAfterEpoch(2, interrupt)),
            cancellationToken: interrupt.Token));
        var runDirectory = Directory.GetDirectories(_temp.File("resumed")).Single();
        var killed = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, "final.json")));
        var resumed = await RunAsync(interrupted, resume: runDirectory);

        Assert.Equal("KILLED", killed.RootElement.GetProperty("status").GetString());
        Assert.Equal(reference.History.Select(m => m.TrainLoss), RunFolderSink.ReadMetrics(Path.Combine(runDirectory, "metrics.csv")).Select(m => m.TrainLoss));
        Assert.Equal(reference.History.Select(m => m.DevAccuracy), RunFolderSink.ReadMetrics(Path.Combine(runDirectory, "metrics.csv")).Select(m => m.DevAccuracy));
        Assert.Equal(reference.Final.TestLoss, resumed.Final.TestLoss);
        Assert.Equal(reference.Final.BestEpoch, resumed.Final.BestEpoch);
    }

    [Fact]
    public async Task EarlyStopping_StopsAfterPatience()
    {
        var experiment = Tiny(epochs: 10, output: "early");
        experiment.Optimizer.Lr = 1e-9;
        experiment.Training.EarlyStopping = new EarlyStoppingOptions { Patience = 2, Metric = "dev_loss", MinDelta = 0.5 };

        var result = await RunAsync(experiment);

        Assert.Equal(3, result.Final.EpochsTrained);
        Assert.Equal(3, result.History.Count);
    }

    [Fact]
    public async Task BlogDecay_LowersRateWhenDevStalls()
    {
        var experiment = Tiny(epochs: 3, output: "decay");
        experiment.Optimizer.Lr = 1e-9;

        var result = await RunAsync(experiment);

        Assert.Equal(1e-9, result.History[0].LearningRate, 15);
        Assert.True(result.History[^1].LearningRate < 1e-9);
    }

    [Fact]
    public async Task Resume_FinishedRun_RejectedAndUnchanged()
    {
        var result = await RunAsync(Tiny(output: "finished"));
        var before = File.ReadAllText(result.Paths.Final);

        var error = await Assert.ThrowsAsync<RunFolderException>(() => RunAsync(Tiny(output: "finished"), resume: result.Paths.Directory));

        Assert.Contains("already finished", error.Message);
        Assert.Equal(before, File.ReadAllText(result.Paths.Final));
    }

    [Fact]
    public async Task Resume_DamagedCheckpoint_NamesFile()
    {
        var directory = await InterruptedRunAsync("damaged");
        var state = Path.Combine(directory, "checkpoint", "state.json");
        File.WriteAllText(state, "garbage");
        var before = File.ReadAllText(Path.Combine(directory, "final.json"));

        var error = await Assert.ThrowsAsync<RunFolderException>(() => RunAsync(Tiny(epochs: 4), resume: directory));

        Assert.Contains(state, error.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(directory, "final.json")));
    }

    [Fact]
    public async Task Resume_WhileAnotherProcessTrains_Rejected()
    {
        var directory = await InterruptedRunAsync("locked");
        using var held = new FileStream(Path.Combine(directory, "training.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = await Assert.ThrowsAsync<RunFolderException>(() => RunAsync(Tiny(epochs: 4), resume: directory));

        Assert.Contains("another process", error.Message);
    }

    [Fact]
    public async Task Resume_KeepsRunNames()
    {
        var directory = await InterruptedRunAsync("names");
        var before = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "run.json"))).RootElement;

        await RunAsync(Tiny(epochs: 4), resume: directory);

        var after = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "run.json"))).RootElement;
        Assert.Equal(before.GetProperty("run_name").GetString(), after.GetProperty("run_name").GetString());
        Assert.Equal(before.GetProperty("experiment_name").GetString(), after.GetProperty("experiment_name").GetString());
        Assert.True(after.GetProperty("resumed").GetBoolean());
    }

    private async Task<string> InterruptedRunAsync(string output)
    {
        using var interrupt = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(Tiny(epochs: 4, output: output),
            configure: s => s.AddSingleton<IMetricSinkFactory>(new CancelAfterEpoch(1, interrupt)),
            cancellationToken: interrupt.Token));
        return Directory.GetDirectories(_temp.File(output)).Single();
    }

    [Theory]
    [InlineData("constant")]
    [InlineData("blog_decay")]
    public async Task LiveTensors_StayFlatFromEpochTwo(string schedule)
    {
        var experiment = Tiny(epochs: 6, output: "memory-" + schedule);
        experiment.Schedule = new ComponentOptions { Name = schedule };
        experiment.Optimizer.Lr = schedule == "blog_decay" ? 1e-9 : 0.01;
        var counter = new LiveTensorCounter();

        await RunAsync(experiment, configure: s => s.AddSingleton<IMetricSinkFactory>(counter));

        Assert.Equal(6, counter.LiveAfterEpoch.Count);
        Assert.All(counter.LiveAfterEpoch.Skip(2), live => Assert.Equal(counter.LiveAfterEpoch[1], live));
    }

    /// <summary>Records how many tensors are alive on the training thread when each epoch is logged.</summary>
    private sealed class LiveTensorCounter : IMetricSinkFactory, IMetricSink
    {
        public List<long> LiveAfterEpoch { get; } = [];

        public IMetricSink Create(Experiment experiment, RunPaths paths) => this;

        public Task StartRunAsync(RunInfo run, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task LogEpochAsync(EpochMetrics metrics, CancellationToken cancellationToken)
        {
            LiveAfterEpoch.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
            return Task.CompletedTask;
        }

        public Task LogArtifactAsync(string localPath, string artifactPath, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task EndRunAsync(RunEnd end, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class CancelAfterEpoch(int epoch, CancellationTokenSource source) : IMetricSinkFactory, IMetricSink
    {
        public IMetricSink Create(Experiment experiment, RunPaths paths) => this;

        public Task StartRunAsync(RunInfo run, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task LogEpochAsync(EpochMetrics metrics, CancellationToken cancellationToken)
        {
            if (metrics.Epoch == epoch)
                source.Cancel();
            return Task.CompletedTask;
        }

        public Task LogArtifactAsync(string localPath, string artifactPath, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task EndRunAsync(RunEnd end, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
