using System.Diagnostics;
using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Schedules;
using FashionMnist.Training;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace FashionMnist.Benchmarks;

/// <summary>
/// Times whole baseline epochs: 54,000 training images at batch 32 in file order, then the 6,000 dev images.
/// One model trains for a warm-up epoch and then <c>repeats</c> more, as a run does; the result is the median.
/// </summary>
internal static class BaselineEpoch
{
    public static double Seconds(ImageSet images, IServiceProvider services, int repeats)
    {
        var options = new DataOptions();
        var (trainSet, devSet) = DatasetSplitter.Split(images, 0.1, "file", 0);
        using var train = new ImageTensors(trainSet, PixelScaling.From(options));
        using var dev = new ImageTensors(devSet, PixelScaling.From(options));

        torch.random.manual_seed(0);
        var model = new BlogCnn().Create(new BlogCnn.Settings());
        var schedule = new BlogDecaySchedule().Create(new BlogDecaySchedule.Settings(), new ScheduleContext(0.005, 1, 1688));
        using var state = new TrainingState(model, new AdamOptimizer(), new AdamOptimizer.Settings(), schedule, 1 + repeats, 32, 0, null);
        var trainer = services.GetRequiredService<Trainer>();

        var seconds = new List<double>();
        for (var epoch = 1; epoch <= 1 + repeats; epoch++)
        {
            state.Epoch = epoch;
            var stopwatch = Stopwatch.StartNew();
            trainer.TrainEpoch(state, train, null, new Random(0), null, CancellationToken.None);
            Trainer.Evaluate(state.Model, dev, 1000);
            if (epoch > 1)
                seconds.Add(stopwatch.Elapsed.TotalSeconds);
        }
        seconds.Sort();
        return seconds[seconds.Count / 2];
    }
}
