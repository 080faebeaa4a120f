using System.Diagnostics;
using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Hosting;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Schedules;
using FashionMnist.Tracking;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Training;

/// <summary>
/// Runs one experiment end to end: data, split, model, the epoch loop with dev evaluation, schedule and
/// checkpoints, then the best weights on the test set. Every sink hears the start, each epoch and the end,
/// whether the run finished, failed or was cancelled.
/// </summary>
/// <remarks>
/// NOTE: seeding uses libtorch's process-wide generator, so runs are reproducible only when one process trains
/// one run at a time, which is what the tool and the sweep runner do.
/// </remarks>
public sealed class ExperimentRunner(
    ComponentCatalog<IDatasetReader> readers,
    ComponentCatalog<IModelArchitecture> models,
    ComponentCatalog<IOptimizerFactory> optimizers,
    ComponentCatalog<IScheduleFactory> schedules,
    IEnumerable<IMetricSinkFactory> sinkFactories,
    RunInfoFactory runInfoFactory,
    Trainer trainer,
    RunReports reports,
    ILogger<ExperimentRunner> logger,
    ITrainingObserver? observer = null)
{
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var experiment = request.Experiment;
        var training = experiment.Training;
        ConfigureThreads(training.Threads);
        MakePathsAbsolute(experiment);

        var dataset = readers.Get(experiment.Data.Format).Read(experiment.Data, cancellationToken);
        var (trainSet, devSet) = DatasetSplitter.Split(dataset.Train, experiment.Data.DevFraction, experiment.Data.Split, training.Seed);
        logger.LogInformation("Data: {Train} train, {Dev} dev, {Test} test images", trainSet.Count, devSet.Count, dataset.Test.Count);

        var resumed = request.ResumeDirectory is not null;
        var paths = resumed
            ? new RunPaths(request.ResumeDirectory!)
            : RunPaths.CreateNew(experiment.Output.Dir, runInfoFactory.ExperimentName(request), DateTimeOffset.UtcNow);
        using var trainingLock = TrainingLock.Acquire(paths);
        if (resumed)
            new CheckpointStore(paths).CheckResumable();
        else
            File.WriteAllText(paths.Experiment, ExperimentWriter.ToYaml(experiment));

        var info = resumed
            ? RunInfoFactory.Resumed(paths)
            : await runInfoFactory.CreateAsync(request, paths, dataset.Files, resumed, cancellationToken);
        await using var sinks = SinkGroup.Create(sinkFactories, experiment, paths, logger);
        await sinks.StartRunAsync(info, cancellationToken);
        logger.LogInformation("Run {RunId} started in {Directory}", paths.RunId, paths.Directory);

        try
        {
            var result = Train(experiment, paths, trainSet, devSet, dataset.Test, resumed, sinks, cancellationToken);
            var end = new RunEnd { Status = RunStatus.Finished, EndTimeMs = NowMs(), Final = result.Final };
            RunFolderSink.WriteFinal(paths, end);
            await LogArtifactsAsync(sinks, paths, cancellationToken);
            await sinks.EndRunAsync(end, CancellationToken.None);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (new CheckpointStore(paths).Exists)
                logger.LogWarning("Run {RunId} interrupted; resume it with --resume {Directory}", paths.RunId, paths.Directory);
            else
                logger.LogWarning("Run {RunId} interrupted before its first checkpoint", paths.RunId);
            await sinks.EndRunAsync(new RunEnd { Status = RunStatus.Killed, EndTimeMs = NowMs(), Error = "interrupted" }, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} failed", paths.RunId);
            await sinks.EndRunAsync(new RunEnd { Status = RunStatus.Failed, EndTimeMs = NowMs(), Error = ex.Message }, CancellationToken.None);
            throw;
        }
    }

    private RunResult Train(Experiment experiment, RunPaths paths, ImageSet trainSet, ImageSet devSet, ImageSet testSet,
        bool resumed, SinkGroup sinks, CancellationToken cancellationToken)
    {
        var training = experiment.Training;
        var scaling = PixelScaling.From(experiment.Data);
        using var train = new ImageTensors(trainSet, scaling);
        using var dev = new ImageTensors(devSet, scaling);
        using var test = new ImageTensors(testSet, scaling);

        random.manual_seed(training.Seed);
        var architecture = models.Get(experiment.Model.Name);
        var model = architecture.Create(experiment.Model.Settings ?? Activator.CreateInstance(architecture.SettingsType)!);
        var optimizerFactory = optimizers.Get(experiment.Optimizer.Name);
        var optimizerSettings = experiment.Optimizer.Settings ?? Activator.CreateInstance(optimizerFactory.SettingsType)!;
        var scheduleFactory = schedules.Get(experiment.Schedule.Name);
        var stepsPerEpoch = (trainSet.Count + training.BatchSize - 1) / training.BatchSize;
        var schedule = scheduleFactory.Create(
            experiment.Schedule.Settings ?? Activator.CreateInstance(scheduleFactory.SettingsType)!,
            new ScheduleContext(experiment.Optimizer.Lr, training.Epochs, stepsPerEpoch));
        var augmenter = experiment.Data.Augment.Enabled ? new Augmenter(experiment.Data.Augment) : null;

        using var state = new TrainingState(model, optimizerFactory, optimizerSettings, schedule, training.Epochs,
            training.BatchSize, training.LabelSmoothing, augmenter);
        var checkpoints = new CheckpointStore(paths);
        var progress = resumed ? checkpoints.Restore(state) : new CheckpointState { LearningRate = state.LearningRate };
        var history = resumed && File.Exists(paths.Metrics)
            ? RunFolderSink.ReadMetrics(paths.Metrics).Where(m => m.Epoch <= progress.Epoch).ToList()
            : new List<EpochMetrics>();
        var stopping = new EarlyStopping(training.EarlyStopping, progress);

        for (var epoch = progress.Epoch + 1; epoch <= training.Epochs; epoch++)
        {
            var metrics = RunEpoch(state, train, dev, epoch, training, cancellationToken);
            history.Add(metrics);
            sinks.LogEpochAsync(metrics, CancellationToken.None).GetAwaiter().GetResult();
            logger.LogInformation(
                "Epoch {Epoch}/{Epochs}: train loss {TrainLoss:F4}, dev loss {DevLoss:F4}, dev accuracy {DevAccuracy:F4}, lr {Lr:G4}, {Seconds:F1} s, {ImagesPerSecond:F0} images/s",
                epoch, training.Epochs, metrics.TrainLoss, metrics.DevLoss, metrics.DevAccuracy, metrics.LearningRate,
                metrics.EpochSeconds, metrics.ImagesPerSecond);

            // The best weights are those of the highest dev accuracy; without a dev set, the last epoch's.
            var improved = devSet.Count == 0 || metrics.DevAccuracy > progress.BestDevAccuracy;
            if (improved)
            {
                progress.BestDevAccuracy = devSet.Count == 0 ? double.NaN : metrics.DevAccuracy;
                progress.BestEpoch = epoch;
                state.Model.save(paths.BestWeights);
            }

            var decision = state.Schedule.AfterEpoch(new EpochOutcome(epoch, metrics.DevAccuracy, metrics.DevLoss, state.LearningRate));
            ApplyDecision(state, decision, epoch);

            progress.Epoch = epoch;
            progress.CompletedSteps = state.CompletedSteps;
            progress.LearningRate = state.LearningRate;
            progress.TrainingSeconds += metrics.EpochSeconds;
            var stop = stopping.ShouldStop(metrics);
            if (training.Checkpoint)
                checkpoints.Save(state, progress);

            if (stop)
            {
                logger.LogInformation(
                    "Early stopping after epoch {Epoch}: {Metric} did not improve by more than {MinDelta} for {Patience} epochs",
                    epoch, training.EarlyStopping.Metric, training.EarlyStopping.MinDelta, training.EarlyStopping.Patience);
                break;
            }
        }

        return Finish(state, test, paths, history, progress, training, cancellationToken);
    }

    private EpochMetrics RunEpoch(TrainingState state, ImageTensors train, ImageTensors dev, int epoch,
        TrainingOptions training, CancellationToken cancellationToken)
    {
        // Seeds derive from (seed, epoch), so dropout masks, order and augmentation of an epoch do not depend
        // on earlier epochs and a resumed run repeats them exactly.
        state.Epoch = epoch;
        random.manual_seed(SeedFor(training.Seed, epoch, 1));
        var order = training.Shuffle ? Permutation(train.Count, SeedFor(training.Seed, epoch, 2)) : null;
        var augmentRandom = new Random((int)(SeedFor(training.Seed, epoch, 3) & int.MaxValue));

        var started = Stopwatch.StartNew();
        var result = trainer.TrainEpoch(state, train, order, augmentRandom, observer, cancellationToken);
        var evaluation = Trainer.Evaluate(state.Model, dev, training.EvalBatchSize, training.EvalFlip, cancellationToken);
        return new EpochMetrics
        {
            Epoch = epoch,
            TrainLoss = result.Loss,
            TrainAccuracy = result.Accuracy,
            DevLoss = evaluation.Loss,
            DevAccuracy = evaluation.Accuracy,
            LearningRate = result.LearningRate,
            EpochSeconds = started.Elapsed.TotalSeconds,
            ImagesPerSecond = result.Images / result.Seconds,
            TimestampMs = NowMs(),
        };
    }

    private void ApplyDecision(TrainingState state, ScheduleDecision decision, int epoch)
    {
        if (decision.LearningRate is { } rate && rate != state.LearningRate)
        {
            logger.LogInformation("Learning rate {Old:G4} -> {New:G4} after epoch {Epoch}", state.LearningRate, rate, epoch);
            state.SetLearningRate(rate);
        }
        if (decision.ResetOptimizer)
            state.ResetOptimizer();
    }

    private RunResult Finish(TrainingState state, ImageTensors test, RunPaths paths, List<EpochMetrics> history,
        CheckpointState progress, TrainingOptions training, CancellationToken cancellationToken)
    {
        state.Model.load(paths.BestWeights);
        var evaluation = Trainer.Evaluate(state.Model, test, training.EvalBatchSize, training.EvalFlip, cancellationToken);
        var report = reports.Write(paths, state.Model, test.Set, evaluation.Predictions, history);
        logger.LogInformation("Test accuracy {Accuracy:F4}, test loss {Loss:F4} with the weights of epoch {Epoch}",
            evaluation.Accuracy, evaluation.Loss, progress.BestEpoch);

        var final = new FinalMetrics
        {
            BestDevAccuracy = progress.BestDevAccuracy,
            BestEpoch = progress.BestEpoch,
            TestAccuracy = evaluation.Accuracy,
            TestLoss = evaluation.Loss,
            EpochsTrained = progress.Epoch,
            TrainingSeconds = progress.TrainingSeconds,
            ConfusionMatrix = report.GetConfusionMatrix(),
        };
        return new RunResult(paths, history, final);
    }

    private static async Task LogArtifactsAsync(SinkGroup sinks, RunPaths paths, CancellationToken cancellationToken)
    {
        foreach (var file in RunArtifacts.List(paths))
            await sinks.LogArtifactAsync(file, Path.GetRelativePath(paths.Directory, file), cancellationToken);
    }

    /// <summary>
    /// Resolves the experiment's file and folder settings against the working directory, so the run's
    /// experiment.yaml still finds its data when <c>evaluate</c> or <c>--resume</c> runs from elsewhere.
    /// </summary>
    private static void MakePathsAbsolute(Experiment experiment)
    {
        static string? Full(string? path) => string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path);
        experiment.Data.Dir = Full(experiment.Data.Dir);
        experiment.Data.Train = Full(experiment.Data.Train);
        experiment.Data.Test = Full(experiment.Data.Test);
        experiment.Output.Dir = Full(experiment.Output.Dir)!;
    }

    private static void ConfigureThreads(int threads)
    {
        NativeHeap.TuneForTraining();
        torch.set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
    }

    /// <summary>Derives a seed for one purpose of one epoch from the run's seed (SplitMix64 finaliser).</summary>
    internal static long SeedFor(long seed, int epoch, int purpose)
    {
        unchecked
        {
            var z = (ulong)seed + 0x9E3779B97F4A7C15UL * (ulong)(epoch * 8 + purpose);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)((z ^ (z >> 31)) & long.MaxValue);
        }
    }

    /// <summary>Returns a seeded Fisher–Yates permutation of 0..count-1.</summary>
    internal static long[] Permutation(int count, long seed)
    {
        var order = new long[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        var random = new Random((int)(seed & int.MaxValue));
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
