using FashionMnist.Hosting;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Models;

/// <summary>
/// An architecture that builds a classifier from its settings. The module takes a batch of
/// shape [N, 1, 28, 28] and returns log-probabilities of shape [N, 10].
/// </summary>
public interface IModelArchitecture : IComponent
{
    /// <summary>Builds a new module with freshly initialised weights drawn from torch's global generator.</summary>
    nn.Module<Tensor, Tensor> Create(object settings);
}
