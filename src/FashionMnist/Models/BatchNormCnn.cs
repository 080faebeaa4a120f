using System.ComponentModel.DataAnnotations;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Models;

/// <summary>
/// A VGG-style CNN with batch normalisation: two blocks of [conv 3×3 → BN → ReLU] × 2 → max-pool 2 → dropout,
/// the second block with twice the channels, then linear → BN → ReLU → dropout → linear → log-softmax.
/// </summary>
public sealed class BatchNormCnn : ModelArchitecture<BatchNormCnn.Settings>
{
    public override string Name => "bn_cnn";

    public override string Description => "Two VGG-style convolution blocks with batch normalisation";

    protected override nn.Module<Tensor, Tensor> Create(Settings settings) => new Net(settings);

    /// <summary>Widths and dropout of the BatchNorm CNN.</summary>
    public sealed class Settings
    {
        /// <summary>Channels of the first block; the second block has twice as many. Default 32.</summary>
        [Range(1, 1024)]
        public int Channels { get; set; } = 32;

        /// <summary>Units of the hidden linear layer. Default 256.</summary>
        [Range(1, 65_536)]
        public int Hidden { get; set; } = 256;

        /// <summary>Dropout after each convolution block. Default 0.25.</summary>
        [Range(0.0, 0.99)]
        public double ConvDropout { get; set; } = 0.25;

        /// <summary>Dropout before the last linear layer. Default 0.5.</summary>
        [Range(0.0, 0.99)]
        public double Dropout { get; set; } = 0.5;
    }

    private sealed class Net : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> features;
        private readonly nn.Module<Tensor, Tensor> classifier;

        public Net(Settings settings)
            : base(nameof(BatchNormCnn))
        {
            var c = settings.Channels;
            features = nn.Sequential(
                ("block1", Block(1, c, settings.ConvDropout, channelsLast: true)),
                ("block2", Block(c, 2 * c, settings.ConvDropout, channelsLast: false)));

            // Two 2× poolings take 28×28 to 7×7.
            classifier = nn.Sequential(
                ("flatten", nn.Flatten()),
                ("fc1", nn.Linear(2L * c * 7 * 7, settings.Hidden)),
                ("bn", nn.BatchNorm1d(settings.Hidden)),
                ("relu", nn.ReLU()),
                ("dropout", nn.Dropout(settings.Dropout)),
                ("fc2", nn.Linear(settings.Hidden, 10)),
                ("log_softmax", nn.LogSoftmax(1)));
            RegisterComponents();
        }

        private static nn.Module<Tensor, Tensor> Block(long inputs, long outputs, double dropout, bool channelsLast)
        {
            var layers = new List<(string, nn.Module<Tensor, Tensor>)>
            {
                ("conv1", nn.Conv2d(inputs, outputs, 3, padding: 1, bias: false)),
            };
            if (channelsLast)
                layers.Add(("channels_last", MemoryLayout.ChannelsLastLayer()));
            layers.AddRange(
            [
                ("bn1", nn.BatchNorm2d(outputs)),
                ("relu1", nn.ReLU()),
                ("conv2", nn.Conv2d(outputs, outputs, 3, padding: 1, bias: false)),
                ("bn2", nn.BatchNorm2d(outputs)),
                ("relu2", nn.ReLU()),
                ("pool", nn.MaxPool2d(2)),
                ("dropout", nn.Dropout(dropout)),
            ]);
            return nn.Sequential(layers);
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            return classifier.forward(features.forward(input)).MoveToOuterDisposeScope();
        }
    }
}
