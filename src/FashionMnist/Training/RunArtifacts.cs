using FashionMnist.Tracking;

namespace FashionMnist.Training;

/// <summary>The files of a finished run that trackers upload as artifacts.</summary>
public static class RunArtifacts
{
    /// <summary>Lists the run's artifact files that exist: experiment, metrics, weights, summary, confusion matrix and plots.</summary>
    public static IEnumerable<string> List(RunPaths paths)
    {
        string[] files =
        [
            paths.Experiment, paths.Metrics, paths.BestWeights, paths.BestWeightsPyTorch, paths.Final, paths.ConfusionMatrix,
            paths.ClassificationReport,
        ];
        foreach (var file in files.Where(File.Exists))
            yield return file;
        if (Directory.Exists(paths.Plots))
        {
            foreach (var plot in Directory.EnumerateFiles(paths.Plots, "*.png").Order(StringComparer.Ordinal))
                yield return plot;
        }
    }
}
