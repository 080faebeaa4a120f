using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Training;

/// <summary>
/// Moves every trainable parameter of a model into one contiguous tensor, and its gradient into another, so an
/// optimizer updates them all with one call per operation instead of one per parameter tensor.
/// </summary>
/// <remarks>
/// Each parameter stays a tensor of its own shape, but as a view of <see cref="Parameter"/>'s storage; its
/// gradient is a view of the flat gradient, which backward accumulates into in place. The update is elementwise,
/// so Adam, AdamW, SGD and RMSprop give the same values as on the separate tensors. A small model such as the
/// blog's CNN has 8 parameter tensors, and the optimizer's step on them was mostly call overhead.
/// </remarks>
public sealed class FlatParameters : IDisposable
{
    private readonly Tensor _gradients;

    private FlatParameters(Tensor gradients, Parameter parameter)
    {
        _gradients = gradients;
        Parameter = parameter;
    }

    /// <summary>The one parameter that contains every value, with the flat gradient as its gradient.</summary>
    public Parameter Parameter { get; }

    /// <summary>Number of values: the model's trainable parameter count.</summary>
    public long Count => Parameter.numel();

    /// <summary>Moves the trainable parameters of <paramref name="model"/> into one tensor and returns it.</summary>
    public static FlatParameters Create(nn.Module model)
    {
        var parameters = model.parameters().Where(p => p.requires_grad).ToList();
        if (parameters.Count == 0)
            throw new ArgumentException("The model has no trainable parameters.", nameof(model));
        var dtype = parameters[0].dtype;
        if (parameters.Any(p => p.dtype != dtype))
            throw new ArgumentException("The model's parameters do not share one element type.", nameof(model));

        var count = parameters.Sum(p => p.numel());
        using var noGrad = no_grad();
        var values = zeros(count, dtype).DetachFromDisposeScope();
        var gradients = zeros(count, dtype).DetachFromDisposeScope();
        long offset = 0;
        foreach (var parameter in parameters)
        {
            var size = parameter.numel();
            using (var scope = NewDisposeScope())
            {
                var view = values.narrow(0, offset, size).view(parameter.shape);
                view.copy_(parameter);
                parameter.set_(view);
                parameter.grad = gradients.narrow(0, offset, size).view(parameter.shape);
            }
            offset += size;
        }

        // The parameter takes over the values tensor's handle.
        var flat = new Parameter(values, requires_grad: true);
        flat.grad = gradients;
        return new FlatParameters(gradients, flat);
    }

    /// <summary>Sets every gradient to zero in place, keeping the views the model's parameters hold.</summary>
    public void ZeroGradients()
    {
        using var noGrad = no_grad();
        _gradients.zero_();
    }

    public void Dispose()
    {
        Parameter.Dispose();
        _gradients.Dispose();
    }
}
