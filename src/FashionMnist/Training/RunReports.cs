using FashionMnist.Data;
using FashionMnist.Reporting;
using FashionMnist.Tracking;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Training;

/// <summary>
/// Writes the files of a finished run besides its metrics: the test confusion matrix and classification report,
/// the PyTorch state dict of the best weights, and the PNG plots. A failure here is logged and never undoes a
/// trained run.
/// </summary>
public sealed class RunReports(ILogger<RunReports> logger)
{
    /// <summary>Writes the run's reports and plots and returns the test-set classification report.</summary>
    public ClassificationReport Write(RunPaths paths, nn.Module<Tensor, Tensor> bestModel, ImageSet test, byte[] predictions,
        IReadOnlyList<EpochMetrics> history)
    {
        var report = ClassificationReport.Compute(
            test.Labels.Select(l => (int)l).ToArray(), predictions.Select(p => (int)p).ToArray());
        ClassificationReportWriter.WriteConfusionMatrixCsv(report, paths.ConfusionMatrix);
        ClassificationReportWriter.WriteJson(report, paths.ClassificationReport);

        Attempt("save the PyTorch state dict", () => PyTorchStateDict.Save(bestModel, paths.BestWeightsPyTorch));

        Directory.CreateDirectory(paths.Plots);
        var font = PlotFont.Find(logger);
        Attempt("plot the learning curves",
            () => new LearningCurvePlot { Font = font }.Save(history, Path.Combine(paths.Plots, "learning_curves.png")));
        Attempt("plot the confusion matrix",
            () => new ConfusionMatrixPlot { Font = font }.Save(report, Path.Combine(paths.Plots, "confusion_matrix.png")));
        Attempt("draw the misclassified images",
            () => new MisclassifiedGrid { Font = font }.Save(test, predictions.Select(p => (int)p).ToArray(),
                Path.Combine(paths.Plots, "misclassified.png")));
        return report;
    }

    private void Attempt(string action, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Failed to {Action}: {Message}", action, ex.Message);
        }
    }
}
