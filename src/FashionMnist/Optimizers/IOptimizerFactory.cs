using FashionMnist.Hosting;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Optimizers;

/// <summary>Creates an optimizer over a model's parameters from its settings.</summary>
public interface IOptimizerFactory : IComponent
{
    /// <summary>Creates a fresh optimizer with no accumulated state.</summary>
    optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate, object settings);
}
