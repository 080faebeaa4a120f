using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Experiments;

/// <summary>An optimizer: its registered name, base learning rate and own settings.</summary>
public sealed class OptimizerOptions : ComponentOptions
{
    public OptimizerOptions() => Name = "adam";

    /// <summary>Base learning rate. Default 0.001; must be greater than 0 and at most 10.</summary>
    [Range(1e-12, 10.0)]
    public double Lr { get; set; } = 0.001;
}
