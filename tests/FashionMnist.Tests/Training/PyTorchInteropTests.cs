using System.Diagnostics;
using System.Globalization;
using FashionMnist.Hosting;
using FashionMnist.Models;
using FashionMnist.Reporting;
using FashionMnist.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Tests.Training;

public class PyTorchInteropTests
{
    private const string Python = "/usr/bin/python3";

    [FactWhenPyTorchInstalled]
    public void SavedWeights_LoadInPyTorch()
    {
        using var temp = new TempDirectory();
        random.manual_seed(5);
        using var model = new BlogCnn().Create(new BlogCnn.Settings());
        model.eval();
        using var input = rand(4, 1, 28, 28) * 255;
        using var output = model.forward(input);
        var weights = temp.File("model.pt");
        PyTorchStateDict.Save(model, weights);
        WriteValues(temp.File("input.txt"), input);

        var script = $$"""
            import sys, torch
            sys.path.insert(0, {{Quote(RepositoryFile("bench"))}})
            from pytorch_reference import Net
            model = Net()
            model.load_state_dict(torch.load({{Quote(weights)}}))
            model.eval()
            values = [float(v) for v in open({{Quote(temp.File("input.txt"))}}).read().split()]
            with torch.no_grad():
                out = model(torch.tensor(values).view(4, 1, 28, 28))
            print(" ".join(repr(v) for v in out.flatten().tolist()))
            """;
        var actual = RunPythonOutputs(script);

        var expected = output.data<float>().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 4);
    }

    [TheoryWhenPyTorchInstalled]
    [InlineData("mlp")]
    [InlineData("bn_cnn")]
    [InlineData("resnet")]
    public void Architecture_MatchesPyTorchDefinition(string name)
    {
        // The same weights and batch-norm statistics, loaded strictly into the architecture written in PyTorch,
        // must give the same eval-mode outputs: golden values from an independent implementation.
        using var temp = new TempDirectory();
        var architecture = TestHost.Catalog<IModelArchitecture>().Get(name);
        random.manual_seed(6);
        using var model = architecture.Create(Activator.CreateInstance(architecture.SettingsType)!);
        using (no_grad())
        {
            foreach (var (buffer, values) in model.named_buffers())
            {
                if (buffer.EndsWith("running_mean", StringComparison.Ordinal))
                    values.uniform_(-0.5, 0.5);
                else if (buffer.EndsWith("running_var", StringComparison.Ordinal))
                    values.uniform_(0.5, 2.0);
            }
        }
        model.eval();
        using var input = randn(3, 1, 28, 28);
        using var output = model.forward(input);
        var weights = temp.File("model.pt");
        PyTorchStateDict.Save(model, weights);
        WriteValues(temp.File("input.txt"), input);

        var script = $$"""
            import collections, torch
            import torch.nn as nn

            def seq(*layers):
                return nn.Sequential(collections.OrderedDict(layers))

            class Mlp(nn.Module):
                def __init__(self, hidden_layers=2, units=256, dropout=0.2):
                    super().__init__()
                    layers, inputs = [('flatten', nn.Flatten())], 784
                    for i in range(hidden_layers):
                        layers += [(f'linear{i}', nn.Linear(inputs, units)), (f'relu{i}', nn.ReLU()), (f'dropout{i}', nn.Dropout(dropout))]
                        inputs = units
                    layers += [('output', nn.Linear(inputs, 10)), ('log_softmax', nn.LogSoftmax(1))]
                    self.layers = seq(*layers)
                def forward(self, x):
                    return self.layers(x)

            def vgg_block(inputs, outputs):
                return seq(('conv1', nn.Conv2d(inputs, outputs, 3, padding=1, bias=False)), ('bn1', nn.BatchNorm2d(outputs)),
                           ('relu1', nn.ReLU()), ('conv2', nn.Conv2d(outputs, outputs, 3, padding=1, bias=False)),
                           ('bn2', nn.BatchNorm2d(outputs)), ('relu2', nn.ReLU()), ('pool', nn.MaxPool2d(2)), ('dropout', nn.Dropout(0.25)))

            class BnCnn(nn.Module):
                def __init__(self, c=32, hidden=256):
                    super().__init__()
                    self.features = seq(('block1', vgg_block(1, c)), ('block2', vgg_block(c, 2 * c)))
                    self.classifier = seq(('flatten', nn.Flatten()), ('fc1', nn.Linear(2 * c * 49, hidden)), ('bn', nn.BatchNorm1d(hidden)),
                                          ('relu', nn.ReLU()), ('dropout', nn.Dropout(0.5)), ('fc2', nn.Linear(hidden, 10)), ('log_softmax', nn.LogSoftmax(1)))
                def forward(self, x):
                    return self.classifier(self.features(x))

            class BasicBlock(nn.Module):
                def __init__(self, inputs, outputs, stride):
                    super().__init__()
                    self.conv1 = nn.Conv2d(inputs, outputs, 3, stride=stride, padding=1, bias=False)
                    self.bn1 = nn.BatchNorm2d(outputs)
                    self.conv2 = nn.Conv2d(outputs, outputs, 3, padding=1, bias=False)
                    self.bn2 = nn.BatchNorm2d(outputs)
                    self.shortcut = None
                    if stride != 1 or inputs != outputs:
                        self.shortcut = seq(('conv', nn.Conv2d(inputs, outputs, 1, stride=stride, bias=False)), ('bn', nn.BatchNorm2d(outputs)))
                def forward(self, x):
                    y = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
                    return torch.relu(y + (x if self.shortcut is None else self.shortcut(x)))

            class ResNet(nn.Module):
                def __init__(self, width=32, blocks=2):
                    super().__init__()
                    self.stem = seq(('conv', nn.Conv2d(1, width, 3, padding=1, bias=False)), ('bn', nn.BatchNorm2d(width)), ('relu', nn.ReLU()))
                    layers, inputs = [], width
                    for stage in range(3):
                        outputs = width << stage
                        for b in range(blocks):
                            layers.append((f'stage{stage + 1}_block{b + 1}', BasicBlock(inputs, outputs, 2 if stage > 0 and b == 0 else 1)))
                            inputs = outputs
                    self.stages = seq(*layers)
                    self.head = seq(('pool', nn.AdaptiveAvgPool2d(1)), ('flatten', nn.Flatten()), ('dropout', nn.Dropout(0.0)),
                                    ('fc', nn.Linear(inputs, 10)), ('log_softmax', nn.LogSoftmax(1)))
                def forward(self, x):
                    return self.head(self.stages(self.stem(x)))

            model = {'mlp': Mlp, 'bn_cnn': BnCnn, 'resnet': ResNet}[{{Quote(name)}}]()
            model.load_state_dict(torch.load({{Quote(weights)}}), strict=True)
            model.eval()
            values = [float(v) for v in open({{Quote(temp.File("input.txt"))}}).read().split()]
            with torch.no_grad():
                out = model(torch.tensor(values).view(3, 1, 28, 28))
            print(" ".join(repr(v) for v in out.flatten().tolist()))
            """;
        var actual = RunPythonOutputs(script);

        var expected = output.data<float>().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 + 1e-4 * Math.Abs(expected[i]),
                $"{name} output {i}: TorchSharp {expected[i]}, PyTorch {actual[i]}");
    }

    private static string Quote(string path) => "r'" + path + "'";

    /// <summary>Writes the values of <paramref name="tensor"/> as text, separated by spaces, for the script to read.</summary>
    private static void WriteValues(string path, Tensor tensor) =>
        File.WriteAllText(path, string.Join(' ', tensor.data<float>().ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))));

    /// <summary>Runs <paramref name="script"/> and parses the space-separated numbers it prints.</summary>
    private static double[] RunPythonOutputs(string script) =>
        RunPython(script).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture))
            .ToArray();

    private static string RepositoryFile(string name) => Path.Combine(CliProcess.RepositoryRoot, name);

    private static string RunPython(string script)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python exited with {process.ExitCode}: {error}");
        return output.Trim();
    }

    /// <summary>A theory that runs only where Debian's python3-torch is installed, like <see cref="FactWhenPyTorchInstalledAttribute"/>.</summary>
    private sealed class TheoryWhenPyTorchInstalledAttribute : TheoryAttribute
    {
        public TheoryWhenPyTorchInstalledAttribute()
        {
            if (!FactWhenPyTorchInstalledAttribute.IsAvailable)
                Skip = $"PyTorch is not installed for {Python}; install Debian's python3-torch to run this test.";
        }
    }

    /// <summary>Runs the test only where Debian's python3-torch is installed; otherwise reports it as skipped, with the reason.</summary>
    private sealed class FactWhenPyTorchInstalledAttribute : FactAttribute
    {
        public FactWhenPyTorchInstalledAttribute()
        {
            if (!IsAvailable)
                Skip = $"PyTorch is not installed for {Python}; install Debian's python3-torch to run this test.";
        }

        public static bool IsAvailable => PyTorchAvailable.Value;

        private static readonly Lazy<bool> PyTorchAvailable = new(() =>
        {
            if (!File.Exists(Python))
                return false;
            using var process = Process.Start(new ProcessStartInfo(Python, "-c \"import torch\"") { RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        });
    }
}
