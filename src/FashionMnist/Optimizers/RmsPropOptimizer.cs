using System.ComponentModel.DataAnnotations;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Optimizers;

/// <summary>RMSprop (Hinton's lecture 6e), as torch.optim.RMSprop.</summary>
public sealed class RmsPropOptimizer : OptimizerFactory<RmsPropOptimizer.Settings>
{
    public override string Name => "rmsprop";

    public override string Description => "RMSprop with optional momentum and centring";

    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate, Settings settings) =>
        optim.RMSProp(parameters, learningRate, settings.Alpha, settings.Eps, settings.WeightDecay, settings.Momentum, settings.Centered);

    /// <summary>RMSprop's settings; the defaults are torch.optim.RMSprop's.</summary>
    public sealed class Settings
    {
        /// <summary>Smoothing constant of the squared-gradient average. Default 0.99.</summary>
        [Range(0.0, 0.999999)]
        public double Alpha { get; set; } = 0.99;

        /// <summary>Term added to the denominator for numerical stability. Default 1e-8.</summary>
        [Range(0.0, 1.0)]
        public double Eps { get; set; } = 1e-8;

        /// <summary>L2 penalty added to the gradient. Default 0.</summary>
        [Range(0.0, 1.0)]
        public double WeightDecay { get; set; }

        /// <summary>Momentum factor. Default 0.</summary>
        [Range(0.0, 0.999999)]
        public double Momentum { get; set; }

        /// <summary>Normalise by the estimated variance of the gradient. Default false.</summary>
        public bool Centered { get; set; }
    }
}
