using System.ComponentModel.DataAnnotations;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Models;

/// <summary>A multilayer perceptron on the flattened 784 pixels: [linear → ReLU → dropout] × layers → linear → log-softmax.</summary>
public sealed class Mlp : ModelArchitecture<Mlp.Settings>
{
    public override string Name => "mlp";

    public override string Description => "Fully connected layers on the flattened pixels";

    protected override nn.Module<Tensor, Tensor> Create(Settings settings) => new Net(settings);

    /// <summary>Depth, width and dropout of the MLP.</summary>
    public sealed class Settings
    {
        /// <summary>Number of hidden layers. Default 2.</summary>
        [Range(1, 64)]
        public int HiddenLayers { get; set; } = 2;

        /// <summary>Units in each hidden layer. Default 256.</summary>
        [Range(1, 65_536)]
        public int HiddenUnits { get; set; } = 256;

        /// <summary>Dropout after each hidden layer. Default 0.2.</summary>
        [Range(0.0, 0.99)]
        public double Dropout { get; set; } = 0.2;
    }

    private sealed class Net : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> layers;

        public Net(Settings settings)
            : base(nameof(Mlp))
        {
            var modules = new List<(string, nn.Module<Tensor, Tensor>)> { ("flatten", nn.Flatten()) };
            long inputs = 28 * 28;
            for (var i = 0; i < settings.HiddenLayers; i++)
            {
                modules.Add(($"linear{i}", nn.Linear(inputs, settings.HiddenUnits)));
                modules.Add(($"relu{i}", nn.ReLU()));
                modules.Add(($"dropout{i}", nn.Dropout(settings.Dropout)));
                inputs = settings.HiddenUnits;
            }
            modules.Add(("output", nn.Linear(inputs, 10)));
            modules.Add(("log_softmax", nn.LogSoftmax(1)));
            layers = nn.Sequential(modules);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => layers.forward(input);
    }
}
