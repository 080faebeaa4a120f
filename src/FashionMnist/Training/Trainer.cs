using System.Diagnostics;
using FashionMnist.Schedules;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Training;

/// <summary>
/// Runs one training pass and evaluations of a model. Every batch's temporaries live in a dispose scope,
/// so native memory stays flat from one epoch to the next.
/// </summary>
public sealed class Trainer(ILogger<Trainer> logger)
{
    /// <summary>
    /// Trains <paramref name="model"/> for one pass over <paramref name="data"/>. With <paramref name="order"/>
    /// null the batches are consecutive slices in file order; otherwise they follow that permutation.
    /// </summary>
    public EpochResult TrainEpoch(TrainingState state, ImageTensors data, long[]? order, Random augmentRandom,
        ITrainingObserver? observer, CancellationToken cancellationToken)
    {
        var batchSize = state.BatchSize;
        var batches = (int)((data.Count + batchSize - 1) / batchSize);
        observer?.EpochStarted(state.Epoch, state.Epochs, batches);

        state.Model.train();
        using var orderTensor = order is null ? null : tensor(order, ScalarType.Int64);
        var pixels = state.Augmenter is null ? null : new byte[batchSize * Data.ImageSet.PixelsPerImage];
        var stopwatch = Stopwatch.StartNew();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;

        for (var batch = 0; batch < batches; batch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = (long)batch * batchSize;
            var count = (int)Math.Min(batchSize, data.Count - start);

            using (var scope = NewDisposeScope())
            {
                var (images, labels) = NextBatch(state, data, order, orderTensor, pixels, start, count, augmentRandom);
                state.ZeroGradients();
                var output = state.Model.forward(images);
                var loss = state.LabelSmoothing > 0
                    ? nn.functional.cross_entropy(output, labels, label_smoothing: state.LabelSmoothing)
                    : nn.functional.nll_loss(output, labels);
                loss.backward();
                state.Optimizer.step();

                lossSum += loss.item<float>() * count;
                correct += output.argmax(1).eq(labels).sum().item<long>();
            }

            seen += count;
            state.CompletedSteps++;
            if (state.Schedule.AfterBatch(state.CompletedSteps) is { } rate)
                state.SetLearningRate(rate);

            observer?.BatchCompleted(state.Epoch, batch + 1, batches, lossSum / seen, (double)correct / seen);
            if (double.IsNaN(lossSum))
                logger.LogTrace("Loss is NaN at epoch {Epoch}, batch {Batch}", state.Epoch, batch + 1);
        }

        return new EpochResult(lossSum / seen, (double)correct / seen, seen, stopwatch.Elapsed.TotalSeconds, state.LearningRate);
    }

    private static (Tensor Images, Tensor Labels) NextBatch(TrainingState state, ImageTensors data, long[]? order,
        Tensor? orderTensor, byte[]? pixels, long start, int count, Random augmentRandom)
    {
        if (pixels is not null)
        {
            var rows = order is null ? Enumerable.Range((int)start, count).Select(i => (long)i).ToArray() : order[(int)start..((int)start + count)];
            state.Augmenter!.Fill(data.Set, rows, pixels, augmentRandom);
            using var rowTensor = tensor(rows, ScalarType.Int64);
            return (data.FromBytes(pixels[..(count * Data.ImageSet.PixelsPerImage)], count), data.LabelsAt(rowTensor));
        }

        if (orderTensor is null)
            return data.Slice(start, count);
        using var indices = orderTensor.narrow(0, start, count);
        return data.Gather(indices);
    }

    /// <summary>
    /// Evaluates <paramref name="model"/> in eval mode without gradients, in batches of <paramref name="batchSize"/>.
    /// With <paramref name="flip"/>, each image's class probabilities are the mean of the image's and its mirror
    /// image's.
    /// </summary>
    public static EvaluationResult Evaluate(nn.Module<Tensor, Tensor> model, ImageTensors data, int batchSize,
        bool flip = false, CancellationToken cancellationToken = default)
    {
        if (data.Count == 0)
            return EvaluationResult.Empty;

        model.eval();
        using var noGrad = no_grad();
        var predictions = new byte[data.Count];
        double lossSum = 0;
        long correct = 0;

        for (long start = 0; start < data.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, data.Count - start);
            using var scope = NewDisposeScope();
            var (images, labels) = data.Slice(start, count);
            var output = flip ? FlipAveraged(model, images) : model.forward(images);
            lossSum += nn.functional.nll_loss(output, labels, reduction: nn.Reduction.Sum).item<float>();
            var predicted = output.argmax(1);
            correct += predicted.eq(labels).sum().item<long>();
            var values = predicted.to_type(ScalarType.Byte).data<byte>().ToArray();
            values.CopyTo(predictions, start);
        }

        return new EvaluationResult(lossSum / data.Count, (double)correct / data.Count, predictions);
    }

    /// <summary>Returns the log of the mean class probability of <paramref name="images"/> (NCHW) and their mirror images.</summary>
    public static Tensor FlipAveraged(nn.Module<Tensor, Tensor> model, Tensor images)
    {
        using var scope = NewDisposeScope();
        var direct = model.forward(images);
        var mirrored = model.forward(images.flip(3));
        return logaddexp(direct, mirrored).sub_(Math.Log(2)).MoveToOuterDisposeScope();
    }
}
