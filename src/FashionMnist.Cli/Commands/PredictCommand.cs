using System.Globalization;
using FashionMnist.Cli.Output;
using FashionMnist.Cli.Runs;
using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Hosting;
using FashionMnist.Models;
using FashionMnist.Reporting;
using FashionMnist.Training;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Cli.Commands;

/// <summary>
/// <c>fmnist predict</c>: classifies pictures and CSV rows with a run's best weights and prints, per input, the
/// predicted class, the most likely classes and all ten probabilities.
/// </summary>
internal sealed class PredictCommand(
    ExperimentLoader loader,
    ComponentCatalog<IModelArchitecture> models,
    IAnsiConsole console) : Command<PredictSettings>
{
    public override int Execute(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var paths = RunArgument.ResolveTrained(settings.Run);
            var experiment = loader.Load(paths.Experiment, []).Experiment;
            var inputs = PredictionInputs.Read(settings.Inputs, settings.Rows);

            using var model = TrainedModel.Load(paths, experiment, models);
            var probabilities = Classify(model, inputs, experiment, cancellationToken);
            for (var i = 0; i < inputs.Count; i++)
                WritePrediction(inputs[i], probabilities[i], settings);
            WriteAccuracy(inputs, probabilities);
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }

    /// <summary>Returns the ten class probabilities of every input, scaling pixels as the run was trained.</summary>
    private static float[][] Classify(nn.Module<Tensor, Tensor> model, List<ImageInput> inputs, Experiment experiment,
        CancellationToken cancellationToken)
    {
        var scaling = PixelScaling.From(experiment.Data);
        var batchSize = experiment.Training.EvalBatchSize;
        var result = new float[inputs.Count][];
        using var noGrad = no_grad();
        for (var start = 0; start < inputs.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, inputs.Count - start);
            var pixels = inputs.Skip(start).Take(count).SelectMany(input => input.Pixels).ToArray();

            using var scope = NewDisposeScope();
            var raw = tensor(pixels, [count, 1, ImageSet.Height, ImageSet.Width], ScalarType.Byte);
            var images = scaling.Apply(raw);
            var output = experiment.Training.EvalFlip ? Trainer.FlipAveraged(model, images) : model.forward(images);
            var values = output.exp().data<float>().ToArray();
            for (var i = 0; i < count; i++)
                result[start + i] = values[(i * ImageSet.ClassCount)..((i + 1) * ImageSet.ClassCount)];
        }
        return result;
    }

    private void WritePrediction(ImageInput input, float[] probabilities, PredictSettings settings)
    {
        var names = ImageSet.ClassNames;
        var ranked = Enumerable.Range(0, probabilities.Length).OrderByDescending(c => probabilities[c]).ToList();
        var best = ranked[0];

        var line = $"{input.Source}: {names[best]} {P(probabilities[best])}";
        if (input.Label is { } label)
            line += $"  true: {names[label]} ({(label == best ? "correct" : "wrong")})";
        if (input.Inverted)
            line += "  (light background, inverted)";
        console.WritePlainLine(line);
        if (settings.Quiet)
            return;

        var top = ranked.Take(settings.Top).Select(c => $"{names[c]} {P(probabilities[c])}");
        console.WritePlainLine($"  top {settings.Top}: {string.Join(", ", top)}");
        var all = Enumerable.Range(0, probabilities.Length).Select(c => $"{names[c]} {P(probabilities[c])}");
        console.WritePlainLine($"  probabilities: {string.Join(", ", all)}");
    }

    private void WriteAccuracy(List<ImageInput> inputs, float[][] probabilities)
    {
        var labelled = Enumerable.Range(0, inputs.Count).Where(i => inputs[i].Label is not null).ToList();
        if (labelled.Count == 0)
            return;
        var correct = labelled.Count(i => inputs[i].Label == Array.IndexOf(probabilities[i], probabilities[i].Max()));
        var accuracy = (double)correct / labelled.Count;
        console.WritePlainLine(string.Create(CultureInfo.InvariantCulture,
            $"labelled inputs: {correct} of {labelled.Count} correct (accuracy {accuracy:F4})"));
    }

    private static string P(float probability) => probability.ToString("F4", CultureInfo.InvariantCulture);
}
