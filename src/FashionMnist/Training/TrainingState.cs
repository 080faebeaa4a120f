using FashionMnist.Optimizers;
using FashionMnist.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Training;

/// <summary>The mutable state of a run in progress: model, optimizer, schedule and counters.</summary>
public sealed class TrainingState : IDisposable
{
    private readonly IOptimizerFactory _optimizerFactory;
    private readonly object _optimizerSettings;

    public TrainingState(nn.Module<Tensor, Tensor> model, IOptimizerFactory optimizerFactory, object optimizerSettings,
        ILearningRateSchedule schedule, int epochs, int batchSize, double labelSmoothing, Augmenter? augmenter)
    {
        Model = model;
        _optimizerFactory = optimizerFactory;
        _optimizerSettings = optimizerSettings;
        Schedule = schedule;
        Epochs = epochs;
        BatchSize = batchSize;
        LabelSmoothing = labelSmoothing;
        Augmenter = augmenter;
        LearningRate = schedule.InitialLearningRate;
        Parameters = FlatParameters.Create(model);
        Optimizer = optimizerFactory.Create([Parameters.Parameter], LearningRate, optimizerSettings);
    }

    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The model's trainable parameters in one tensor, which the optimizer updates.</summary>
    public FlatParameters Parameters { get; }

    public optim.Optimizer Optimizer { get; private set; }

    public ILearningRateSchedule Schedule { get; }

    public int Epochs { get; }

    public int BatchSize { get; }

    public double LabelSmoothing { get; }

    public Augmenter? Augmenter { get; }

    /// <summary>1-based number of the epoch being trained.</summary>
    public int Epoch { get; set; }

    /// <summary>Optimizer steps taken since the run began.</summary>
    public long CompletedSteps { get; set; }

    /// <summary>The rate of the optimizer's parameter groups.</summary>
    public double LearningRate { get; private set; }

    /// <summary>Sets the rate of every parameter group.</summary>
    public void SetLearningRate(double rate)
    {
        LearningRate = rate;
        foreach (var group in Optimizer.ParamGroups)
            group.LearningRate = rate;
    }

    /// <summary>Replaces the optimizer with a fresh one at the current rate, dropping its accumulated state.</summary>
    public void ResetOptimizer()
    {
        Optimizer.Dispose();
        Optimizer = _optimizerFactory.Create([Parameters.Parameter], LearningRate, _optimizerSettings);
    }

    /// <summary>Sets every gradient of the model to zero before a step.</summary>
    public void ZeroGradients() => Parameters.ZeroGradients();

    /// <summary>Saves the optimizer's state (moments, step counts) to <paramref name="path"/>.</summary>
    public void SaveOptimizer(string path) => ((OptimizerHelper)Optimizer).save_state_dict(path);

    /// <summary>Loads optimizer state saved by <see cref="SaveOptimizer"/>.</summary>
    public void LoadOptimizer(string path) => ((OptimizerHelper)Optimizer).load_state_dict(path);

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
        Parameters.Dispose();
    }
}
