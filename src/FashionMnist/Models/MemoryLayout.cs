using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Models;

/// <summary>Memory layouts of image batches inside a model.</summary>
public static class MemoryLayout
{
    /// <summary>
    /// Returns <paramref name="images"/> (N, C, H, W) stored channels-last: the same tensor to every operation,
    /// with the channels of a pixel side by side in memory.
    /// </summary>
    /// <remarks>
    /// libtorch's CPU max pooling is vectorised only over channels-last input. On a 2-core machine it pooled the
    /// blog CNN's first feature maps (32 × 10 × 24 × 24) about four times faster that way, and a whole training
    /// step took about a fifth less time. Convolutions and element-wise operations keep the layout they are given.
    /// A one-channel image is the same in both layouts, so the conversion follows the first convolution.
    /// </remarks>
    public static Tensor ChannelsLast(Tensor images) => images.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    /// <summary>A layer without parameters that passes its input on stored channels-last.</summary>
    public static nn.Module<Tensor, Tensor> ChannelsLastLayer() => new ChannelsLastModule();

    private sealed class ChannelsLastModule : nn.Module<Tensor, Tensor>
    {
        public ChannelsLastModule()
            : base("ChannelsLast")
        {
        }

        public override Tensor forward(Tensor input) => ChannelsLast(input);
    }
}
