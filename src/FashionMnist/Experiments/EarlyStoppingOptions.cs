using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Experiments;

/// <summary>Stops training when a dev metric has not improved for a number of epochs.</summary>
public sealed class EarlyStoppingOptions
{
    /// <summary>Epochs without improvement before training stops; 0 turns early stopping off. Default 0.</summary>
    [Range(0, 100_000)]
    public int Patience { get; set; }

    /// <summary>Metric watched: <c>dev_accuracy</c> (higher is better) or <c>dev_loss</c> (lower is better). Default dev_accuracy.</summary>
    [AllowedValues("dev_accuracy", "dev_loss")]
    public string Metric { get; set; } = "dev_accuracy";

    /// <summary>Smallest change that counts as an improvement. Default 0.</summary>
    [Range(0.0, double.MaxValue)]
    public double MinDelta { get; set; }
}
