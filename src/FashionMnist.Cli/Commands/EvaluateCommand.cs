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

namespace FashionMnist.Cli.Commands;

/// <summary>
/// <c>fmnist evaluate</c>: loads a run's experiment and best weights, evaluates them on the test, dev or train
/// images and prints accuracy, loss, per-class scores and the confusion matrix.
/// </summary>
internal sealed class EvaluateCommand(
    ExperimentLoader loader,
    ComponentCatalog<IDatasetReader> readers,
    ComponentCatalog<IModelArchitecture> models,
    IAnsiConsole console) : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var paths = RunArgument.ResolveTrained(settings.Run);
            var experiment = loader.Load(paths.Experiment, settings.Overrides).Experiment;
            var images = ReadSplit(experiment, settings.Split, cancellationToken);

            using var model = TrainedModel.Load(paths, experiment, models);
            using var tensors = new ImageTensors(images, PixelScaling.From(experiment.Data));
            var result = Trainer.Evaluate(model, tensors, experiment.Training.EvalBatchSize, experiment.Training.EvalFlip,
                cancellationToken);
            var report = ClassificationReport.Compute(
                images.Labels.Select(l => (int)l).ToArray(), result.Predictions.Select(p => (int)p).ToArray());

            console.WritePlainLine($"run {paths.RunId}: {experiment.Model.Name} on the {settings.Split} split, "
                + $"{images.Count} images from {images.Source}");
            console.WritePlainLine($"accuracy {Numbers.Share(result.Accuracy)}  loss {Numbers.Share(result.Loss)}");
            if (!settings.Quiet)
            {
                console.Write(ReportTables.Classes(report));
                console.Write(ReportTables.Confusion(report));
            }
            if (settings.Output is not null)
                WriteFiles(report, Path.GetFullPath(settings.Output));
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }

    /// <summary>Reads the run's data and returns the images of <paramref name="split"/>, split as in training.
    /// </summary>
    private ImageSet ReadSplit(Experiment experiment, string split, CancellationToken cancellationToken)
    {
        var data = experiment.Data;
        var dataset = readers.Get(data.Format).Read(data, cancellationToken);
        if (split == "test")
            return dataset.Test;

        var (train, dev) = DatasetSplitter.Split(dataset.Train, data.DevFraction, data.Split, experiment.Training.Seed);
        var images = split == "dev" ? dev : train;
        if (images.Count == 0)
        {
            throw new CommandLineException(
                $"--split {split}: the run has no {split} images (data.dev_fraction is {data.DevFraction}). "
                + "Evaluate another split, e.g. --split test.");
        }
        return images;
    }

    private void WriteFiles(ClassificationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        ClassificationReportWriter.WriteCsv(report, Path.Combine(folder, "classification_report.csv"));
        ClassificationReportWriter.WriteJson(report, Path.Combine(folder, "classification_report.json"));
        ClassificationReportWriter.WriteConfusionMatrixCsv(report, Path.Combine(folder, "confusion_matrix.csv"));

        var font = PlotFont.Default;
        if (!font.HasText)
            console.MarkupLine($"[yellow]note:[/] {Markup.Escape(PlotFont.MissingFontMessage)}");
        new ConfusionMatrixPlot { Font = font }.Save(report, Path.Combine(folder, "confusion_matrix.png"));
        console.WritePlainLine($"Report written to {folder}");
    }
}
