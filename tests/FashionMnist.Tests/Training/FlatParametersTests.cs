using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Hosting;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Tests.Training;

public sealed class FlatParametersTests
{
    [Theory]
    [InlineData("adam", "blog_cnn")]
    [InlineData("adamw", "bn_cnn")]
    [InlineData("sgd", "resnet")]
    [InlineData("rmsprop", "mlp")]
    public void Steps_MatchTheOptimizerOnSeparateTensors(string optimizerName, string modelName)
    {
        // The same model trained for three steps with the optimizer over its separate parameter tensors and over
        // the flat tensor must end with the same weights (float32 rounding aside).
        var separate = Train(optimizerName, modelName, flat: false);
        var flat = Train(optimizerName, modelName, flat: true);

        Assert.Equal(separate.Keys, flat.Keys);
        foreach (var (key, expected) in separate)
        {
            var actual = flat[key];
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f + 1e-5f * Math.Abs(expected[i]),
                    $"{optimizerName}/{modelName} {key}[{i}]: {expected[i]} vs {actual[i]}");
        }

        // The steps moved the weights, so the comparison above compared trained values.
        var initial = Train(optimizerName, modelName, flat: true, steps: 0);
        Assert.Contains(flat.Keys, key => !initial[key].SequenceEqual(flat[key]));
    }

    [Fact]
    public void Parameters_AreViewsOfTheFlatTensor()
    {
        random.manual_seed(0);
        using var model = new BlogCnn().Create(new BlogCnn.Settings());
        var before = model.parameters().Select(p => p.data<float>().ToArray()).ToList();

        using var flat = FlatParameters.Create(model);

        Assert.Equal(21_840, flat.Count);
        var values = flat.Parameter.data<float>().ToArray();
        Assert.Equal(before.SelectMany(v => v), values);

        // A write through the flat tensor shows in the model's own parameter, and the gradient views stay
        // attached after zeroing.
        using (no_grad())
            flat.Parameter.fill_(0.25f);
        Assert.All(model.parameters(), p => Assert.All(p.data<float>().ToArray(), v => Assert.Equal(0.25f, v)));
        flat.ZeroGradients();
        using var input = rand(4, 1, 28, 28);
        model.forward(input).sum().backward();
        Assert.True(flat.Parameter.grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void FlipAveraged_IsLogMeanProbability()
    {
        random.manual_seed(3);
        using var model = new BlogCnn().Create(new BlogCnn.Settings());
        model.eval();
        using var noGrad = no_grad();
        using var images = rand(5, 1, 28, 28) * 255;

        using var averaged = Trainer.FlipAveraged(model, images);
        using var expected = ((model.forward(images).exp() + model.forward(images.flip(3)).exp()) / 2).log();

        Assert.True(averaged.allclose(expected, rtol: 1e-4, atol: 1e-5));
        Assert.False(averaged.allclose(model.forward(images), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void EvaluateWithFlip_MirrorPairsAgree()
    {
        // Images 0-49 and 50-99 are mirror pairs: with flip averaging, each pair gets one prediction.
        var source = LearnableImages.Create(50, seed: 5);
        var pixels = new byte[100 * ImageSet.PixelsPerImage];
        source.Pixels.CopyTo(pixels, 0);
        for (var i = 0; i < 50; i++)
            for (var y = 0; y < 28; y++)
                for (var x = 0; x < 28; x++)
                    pixels[(50 + i) * 784 + y * 28 + x] = source.Pixels[i * 784 + y * 28 + 27 - x];
        var set = new ImageSet(pixels, [.. source.Labels, .. source.Labels], "mirrored");
        random.manual_seed(4);
        using var model = new BlogCnn().Create(new BlogCnn.Settings());
        using var data = new ImageTensors(set, PixelScaling.From(new DataOptions { Scale = "unit" }));

        var flipped = Trainer.Evaluate(model, data, batchSize: 32, flip: true);

        Assert.Equal(flipped.Predictions[..50], flipped.Predictions[50..]);
        model.eval();
        using var noGrad = no_grad();
        var (first, _) = data.Slice(0, 50);
        var (second, _) = data.Slice(50, 50);
        Assert.True(Trainer.FlipAveraged(model, first).allclose(Trainer.FlipAveraged(model, second), rtol: 1e-4, atol: 1e-5));
        Assert.False(model.forward(first).allclose(model.forward(second), rtol: 1e-4, atol: 1e-5));
    }

    private static Dictionary<string, float[]> Train(string optimizerName, string modelName, bool flat, int steps = 3)
    {
        var architecture = TestHost.Catalog<IModelArchitecture>().Get(modelName);
        var factory = TestHost.Catalog<IOptimizerFactory>().Get(optimizerName);
        random.manual_seed(11);
        using var model = architecture.Create(Activator.CreateInstance(architecture.SettingsType)!);
        using var parameters = flat ? FlatParameters.Create(model) : null;
        var settings = Activator.CreateInstance(factory.SettingsType)!;
        using var optimizer = factory.Create(flat ? [parameters!.Parameter] : model.parameters(), 0.01, settings);
        model.train();
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            // Dropout draws from the global generator; the same seed per step gives both runs the same masks.
            random.manual_seed(100 + step);
            using var input = rand(8, 1, 28, 28);
            using var labels = randint(0, 10, 8);
            if (parameters is null)
                optimizer.zero_grad();
            else
                parameters.ZeroGradients();
            nn.functional.nll_loss(model.forward(input), labels).backward();
            optimizer.step();
        }
        return model.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
    }
}
