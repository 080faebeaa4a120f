using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Benchmarks;

/// <summary>Training and inference throughput of the baseline model on in-memory tensors, without data loading.</summary>
internal static class ModelThroughput
{
    /// <summary>Returns training images per second at <paramref name="batchSize"/>: forward, NLL loss, backward and an Adam step, as the trainer takes it.</summary>
    public static double Train(ImageSet images, int batchSize, int batches, int repeats)
    {
        random.manual_seed(0);
        using var data = new ImageTensors(images, PixelScaling.From(new DataOptions()));
        using var model = new BlogCnn().Create(new BlogCnn.Settings());
        using var parameters = FlatParameters.Create(model);
        using var optimizer = new AdamOptimizer().Create([parameters.Parameter], 0.005, new AdamOptimizer.Settings());
        model.train();
        var perBatch = Math.Max(1, Math.Min(batches, images.Count / batchSize));

        var seconds = Stopwatches.MedianSeconds(repeats, () =>
        {
            for (var b = 0; b < perBatch; b++)
            {
                using var scope = NewDisposeScope();
                var (x, y) = data.Slice((long)b * batchSize, batchSize);
                parameters.ZeroGradients();
                var loss = nn.functional.nll_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        });
        return perBatch * batchSize / seconds;
    }

    /// <summary>Returns inference images per second at <paramref name="batchSize"/> in eval mode without gradients.</summary>
    public static double Infer(ImageSet images, int batchSize, int repeats)
    {
        random.manual_seed(0);
        using var data = new ImageTensors(images, PixelScaling.From(new DataOptions()));
        using var model = new BlogCnn().Create(new BlogCnn.Settings());
        var seconds = Stopwatches.MedianSeconds(repeats, () => Trainer.Evaluate(model, data, batchSize));
        return images.Count / seconds;
    }
}
