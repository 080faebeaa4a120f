namespace FashionMnist.Experiments;

/// <summary>
/// A whole experiment as read from a YAML file: every section with its defaults filled in.
/// Keys in YAML are the snake_case form of the property names (<c>DevFraction</c> is <c>dev_fraction</c>).
/// </summary>
public sealed class Experiment
{
    /// <summary>Path of another experiment file that this one extends by deep merge; relative to this file.</summary>
    public string? Extends { get; set; }

    /// <summary>Where the images come from and how they are split and scaled.</summary>
    public DataOptions Data { get; set; } = new();

    /// <summary>The architecture and its settings.</summary>
    public ComponentOptions Model { get; set; } = new() { Name = "blog_cnn" };

    /// <summary>The optimizer, its learning rate and its settings.</summary>
    public OptimizerOptions Optimizer { get; set; } = new();

    /// <summary>The learning-rate schedule and its settings.</summary>
    public ComponentOptions Schedule { get; set; } = new() { Name = "constant" };

    /// <summary>Epochs, batch sizes, seed and threads.</summary>
    public TrainingOptions Training { get; set; } = new();

    /// <summary>Where run folders are written.</summary>
    public OutputOptions Output { get; set; } = new();

    /// <summary>The MLflow tracking server, experiment and run names.</summary>
    public TrackingOptions Tracking { get; set; } = new();

    /// <summary>Points to expand into child runs; null for a single run.</summary>
    public SweepOptions? Sweep { get; set; }
}
