using System.ComponentModel.DataAnnotations;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Optimizers;

/// <summary>Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay.</summary>
public sealed class SgdOptimizer : OptimizerFactory<SgdOptimizer.Settings>
{
    public override string Name => "sgd";

    public override string Description => "SGD with momentum, Nesterov and weight decay";

    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate, Settings settings) =>
        optim.SGD(parameters, learningRate, settings.Momentum, settings.Dampening, settings.WeightDecay, settings.Nesterov);

    /// <summary>SGD's settings; the defaults are torch.optim.SGD's.</summary>
    public sealed class Settings : IValidatableObject
    {
        /// <summary>Momentum factor. Default 0.</summary>
        [Range(0.0, 0.999999)]
        public double Momentum { get; set; }

        /// <summary>Dampening of the momentum. Default 0.</summary>
        [Range(0.0, 1.0)]
        public double Dampening { get; set; }

        /// <summary>L2 penalty added to the gradient. Default 0.</summary>
        [Range(0.0, 1.0)]
        public double WeightDecay { get; set; }

        /// <summary>Use Nesterov momentum; needs momentum above 0 and dampening 0. Default false.</summary>
        public bool Nesterov { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Nesterov && (Momentum <= 0 || Dampening != 0))
            {
                yield return new ValidationResult(
                    $"nesterov needs momentum above 0 and dampening 0 (momentum is {Momentum}, dampening {Dampening}); " +
                    "set momentum, for example 0.9, or nesterov: false",
                    [nameof(Nesterov)]);
            }
        }
    }
}
