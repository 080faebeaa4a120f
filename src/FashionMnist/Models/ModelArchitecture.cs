using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Models;

/// <summary>Base class that binds an architecture to its typed settings.</summary>
public abstract class ModelArchitecture<TSettings> : IModelArchitecture where TSettings : class, new()
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public Type SettingsType => typeof(TSettings);

    public nn.Module<Tensor, Tensor> Create(object settings) => Create(settings as TSettings ?? new TSettings());

    /// <summary>Builds a new module from typed settings.</summary>
    protected abstract nn.Module<Tensor, Tensor> Create(TSettings settings);
}
