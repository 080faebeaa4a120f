using System.ComponentModel.DataAnnotations;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Models;

/// <summary>
/// The CNN of the PyTorch MNIST example that the baseline blog post trained: conv(1→10, 5×5) → max-pool 2 →
/// ReLU → conv(10→20, 5×5) → Dropout2d → max-pool 2 → ReLU → linear(320→50) → ReLU → dropout →
/// linear(50→10) → log-softmax. Module names match PyTorch's state-dict keys (conv1, conv2, fc1, fc2).
/// </summary>
public sealed class BlogCnn : ModelArchitecture<BlogCnn.Settings>
{
    public override string Name => "blog_cnn";

    public override string Description => "Two 5×5 convolutions and two linear layers, the PyTorch MNIST example net";

    protected override nn.Module<Tensor, Tensor> Create(Settings settings) => new Net(settings);

    /// <summary>Widths and dropout of the blog CNN; the defaults are the blog's.</summary>
    public sealed class Settings
    {
        /// <summary>Output channels of the first convolution. Default 10.</summary>
        [Range(1, 1024)]
        public int Conv1Channels { get; set; } = 10;

        /// <summary>Output channels of the second convolution. Default 20.</summary>
        [Range(1, 1024)]
        public int Conv2Channels { get; set; } = 20;

        /// <summary>Units of the hidden linear layer. Default 50.</summary>
        [Range(1, 65_536)]
        public int Hidden { get; set; } = 50;

        /// <summary>Channel dropout after the second convolution. Default 0.5.</summary>
        [Range(0.0, 0.99)]
        public double ConvDropout { get; set; } = 0.5;

        /// <summary>Dropout before the last linear layer. Default 0.5.</summary>
        [Range(0.0, 0.99)]
        public double Dropout { get; set; } = 0.5;
    }

    private sealed class Net : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> conv1;
        private readonly nn.Module<Tensor, Tensor> conv2;
        private readonly nn.Module<Tensor, Tensor> conv2_drop;
        private readonly nn.Module<Tensor, Tensor> fc1;
        private readonly nn.Module<Tensor, Tensor> fc2;
        private readonly double _dropout;
        private readonly long _flatFeatures;

        public Net(Settings settings)
            : base(nameof(BlogCnn))
        {
            // 28 → conv 5 → 24 → pool → 12 → conv 5 → 8 → pool → 4, so 4×4 per channel reach fc1.
            _flatFeatures = settings.Conv2Channels * 4 * 4;
            conv1 = nn.Conv2d(1, settings.Conv1Channels, 5);
            conv2 = nn.Conv2d(settings.Conv1Channels, settings.Conv2Channels, 5);
            conv2_drop = nn.Dropout2d(settings.ConvDropout);
            fc1 = nn.Linear(_flatFeatures, settings.Hidden);
            fc2 = nn.Linear(settings.Hidden, 10);
            _dropout = settings.Dropout;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var x = nn.functional.relu(nn.functional.max_pool2d(MemoryLayout.ChannelsLast(conv1.forward(input)), 2));
            x = nn.functional.relu(nn.functional.max_pool2d(conv2_drop.forward(conv2.forward(x)), 2));

            // reshape copies the channels-last maps into (channel, row, column) order, as the blog flattens them.
            x = x.reshape(-1, _flatFeatures);
            x = nn.functional.relu(fc1.forward(x));
            x = nn.functional.dropout(x, _dropout, training);
            x = fc2.forward(x);
            return nn.functional.log_softmax(x, 1).MoveToOuterDisposeScope();
        }
    }
}
