using System.ComponentModel.DataAnnotations;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Optimizers;

/// <summary>Adam (Kingma and Ba, 2015), with L2 weight decay added to the gradient as in torch.optim.Adam.</summary>
public sealed class AdamOptimizer : OptimizerFactory<AdamOptimizer.Settings>
{
    public override string Name => "adam";

    public override string Description => "Adam with optional L2 weight decay";

    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate, Settings settings) =>
        optim.Adam(parameters, learningRate, settings.Beta1, settings.Beta2, settings.Eps, settings.WeightDecay, settings.Amsgrad);

    /// <summary>Adam's settings; the defaults are torch.optim.Adam's.</summary>
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

        /// <summary>L2 penalty added to the gradient. Default 0.</summary>
        [Range(0.0, 1.0)]
        public double WeightDecay { get; set; }

        /// <summary>Use the AMSGrad variant. Default false.</summary>
        public bool Amsgrad { get; set; }
    }
}
