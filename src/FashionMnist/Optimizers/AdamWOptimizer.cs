using System.ComponentModel.DataAnnotations;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Optimizers;

/// <summary>AdamW: Adam with decoupled weight decay (Loshchilov and Hutter, 2019).</summary>
public sealed class AdamWOptimizer : OptimizerFactory<AdamWOptimizer.Settings>
{
    public override string Name => "adamw";

    public override string Description => "Adam with decoupled weight decay";

    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate, Settings settings) =>
        optim.AdamW(parameters, learningRate, settings.Beta1, settings.Beta2, settings.Eps, settings.WeightDecay, settings.Amsgrad);

    /// <summary>AdamW's settings; the defaults are torch.optim.AdamW's.</summary>
    public sealed class Settings
    {
        /// <summary>Decay of the first-moment estimate. Default 0.9.</summary>
        [Range(0.0, 0.999999)]
        public double Beta1 { get; set; } = 0.9;

        /// <summary>Decay of the second-moment estimate. Default 0.999.</summary>
        [Range(0.0, 0.999999)]
        public double Beta2 { get; set; } = 0.999;

        /// <summary>Term added to the denominator for numerical stability. Default 1e-8.</summary>
        [Range(0.0, 1.0)]
        public double Eps { get; set; } = 1e-8;

        /// <summary>Decoupled weight decay, applied as w -= lr × decay × w. Default 0.01.</summary>
        [Range(0.0, 10.0)]
        public double WeightDecay { get; set; } = 0.01;

        /// <summary>Use the AMSGrad variant. Default false.</summary>
        public bool Amsgrad { get; set; }
    }
}
