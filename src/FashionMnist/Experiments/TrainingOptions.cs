using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Experiments;

/// <summary>The training loop's settings.</summary>
public sealed class TrainingOptions
{
    /// <summary>Number of passes over the training rows. Default 20.</summary>
    [Range(1, 100_000)]
    public int Epochs { get; set; } = 20;

    /// <summary>Images per training step. Default 32.</summary>
    [Range(1, 65_536)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Images per evaluation step; changes speed and memory, never the result. Default 1000.</summary>
    [Range(1, 65_536)]
    public int EvalBatchSize { get; set; } = 1000;

    /// <summary>Seed for weight initialisation, the split, shuffling and augmentation. Default 0.</summary>
    [Range(0, long.MaxValue)]
    public long Seed { get; set; }

    /// <summary>Threads libtorch uses for one operation; 0 uses every core. Default 0.</summary>
    [Range(0, 1024)]
    public int Threads { get; set; }

    /// <summary>Reshuffle the training rows every epoch from the seed; false keeps file order. Default true.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>Label smoothing of the cross-entropy loss, from 0 (none) up to but excluding 1. Default 0.</summary>
    [Range(0.0, 0.99)]
    public double LabelSmoothing { get; set; }

    /// <summary>
    /// Evaluate each dev and test image together with its mirror image, averaging the model's class probabilities
    /// over the two. Default false.
    /// </summary>
    public bool EvalFlip { get; set; }

    /// <summary>Stop when a dev metric stops improving; off by default.</summary>
    public EarlyStoppingOptions EarlyStopping { get; set; } = new();

    /// <summary>Write a resumable checkpoint after every epoch. Default true.</summary>
    public bool Checkpoint { get; set; } = true;
}
