using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Optimizers;

/// <summary>Base class that binds an optimizer factory to its typed settings.</summary>
public abstract class OptimizerFactory<TSettings> : IOptimizerFactory where TSettings : class, new()
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public Type SettingsType => typeof(TSettings);

    public optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate, object settings) =>
        Create(parameters, learningRate, settings as TSettings ?? new TSettings());

    /// <summary>Creates a fresh optimizer from typed settings.</summary>
    protected abstract optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate, TSettings settings);
}
