using System.ComponentModel.DataAnnotations;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Models;

/// <summary>
/// A small residual network (post-activation basic blocks) for 28×28 images: a 3×3 stem, three stages of basic blocks
/// at width w, 2w and 4w (the second and third halve the resolution: 28 → 14 → 7), global average pooling,
/// dropout and a linear classifier.
/// </summary>
public sealed class ResNet : ModelArchitecture<ResNet.Settings>
{
    public override string Name => "resnet";

    public override string Description => "Small residual network with configurable width and depth";

    protected override nn.Module<Tensor, Tensor> Create(Settings settings) => new Net(settings);

    /// <summary>Width, depth and dropout of the residual network.</summary>
    public sealed class Settings
    {
        /// <summary>Channels of the first stage; later stages double it. Default 32.</summary>
        [Range(1, 512)]
        public int Width { get; set; } = 32;

        /// <summary>Basic blocks (two 3×3 convolutions each) per stage. Default 2, which gives 14 layers.</summary>
        [Range(1, 32)]
        public int BlocksPerStage { get; set; } = 2;

        /// <summary>Dropout before the classifier. Default 0.</summary>
        [Range(0.0, 0.99)]
        public double Dropout { get; set; }
    }

    private sealed class Net : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> stem;
        private readonly nn.Module<Tensor, Tensor> stages;
        private readonly nn.Module<Tensor, Tensor> head;

        public Net(Settings settings)
            : base(nameof(ResNet))
        {
            var width = settings.Width;
            stem = nn.Sequential(
                ("conv", nn.Conv2d(1, width, 3, padding: 1, bias: false)),
                ("channels_last", MemoryLayout.ChannelsLastLayer()),
                ("bn", nn.BatchNorm2d(width)),
                ("relu", nn.ReLU()));

            var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
            long inputs = width;
            for (var stage = 0; stage < 3; stage++)
            {
                long outputs = width << stage;
                for (var b = 0; b < settings.BlocksPerStage; b++)
                {
                    var stride = stage > 0 && b == 0 ? 2 : 1;
                    blocks.Add(($"stage{stage + 1}_block{b + 1}", new BasicBlock(inputs, outputs, stride)));
                    inputs = outputs;
                }
            }
            stages = nn.Sequential(blocks);

            head = nn.Sequential(
                ("pool", nn.AdaptiveAvgPool2d(1)),
                ("flatten", nn.Flatten()),
                ("dropout", nn.Dropout(settings.Dropout)),
                ("fc", nn.Linear(inputs, 10)),
                ("log_softmax", nn.LogSoftmax(1)));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            return head.forward(stages.forward(stem.forward(input))).MoveToOuterDisposeScope();
        }
    }

    private sealed class BasicBlock : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> conv1;
        private readonly nn.Module<Tensor, Tensor> bn1;
        private readonly nn.Module<Tensor, Tensor> conv2;
        private readonly nn.Module<Tensor, Tensor> bn2;
        private readonly nn.Module<Tensor, Tensor>? shortcut;

        public BasicBlock(long inputs, long outputs, long stride)
            : base(nameof(BasicBlock))
        {
            conv1 = nn.Conv2d(inputs, outputs, 3, stride: stride, padding: 1, bias: false);
            bn1 = nn.BatchNorm2d(outputs);
            conv2 = nn.Conv2d(outputs, outputs, 3, padding: 1, bias: false);
            bn2 = nn.BatchNorm2d(outputs);
            if (stride != 1 || inputs != outputs)
            {
                shortcut = nn.Sequential(
                    ("conv", nn.Conv2d(inputs, outputs, 1, stride: stride, bias: false)),
                    ("bn", nn.BatchNorm2d(outputs)));
            }
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var x = nn.functional.relu(bn1.forward(conv1.forward(input)));
            x = bn2.forward(conv2.forward(x));
            var identity = shortcut is null ? input : shortcut.forward(input);
            return nn.functional.relu(x + identity).MoveToOuterDisposeScope();
        }
    }
}
