namespace FashionMnist.Tracking;

/// <summary>The files of one run folder.</summary>
public sealed class RunPaths
{
    public RunPaths(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>Full path of the run folder; its name is the run id.</summary>
    public string Directory { get; }

    public string RunId => Path.GetFileName(Directory);

    /// <summary>The resolved experiment, every default filled in.</summary>
    public string Experiment => Path.Combine(Directory, "experiment.yaml");

    /// <summary>Run identity, parameters and tags as JSON.</summary>
    public string RunInfo => Path.Combine(Directory, "run.json");

    /// <summary>One row per epoch.</summary>
    public string Metrics => Path.Combine(Directory, "metrics.csv");

    /// <summary>Summary metrics of a finished run.</summary>
    public string Final => Path.Combine(Directory, "final.json");

    /// <summary>Weights of the best dev epoch in TorchSharp's format.</summary>
    public string BestWeights => Path.Combine(Directory, "best-model.dat");

    /// <summary>Weights of the best dev epoch in PyTorch's state-dict format.</summary>
    public string BestWeightsPyTorch => Path.Combine(Directory, "best-model.pt");

    /// <summary>Test-set confusion matrix, true class by predicted class.</summary>
    public string ConfusionMatrix => Path.Combine(Directory, "confusion_matrix.csv");

    /// <summary>Per-class precision, recall and F1 on the test set, as JSON.</summary>
    public string ClassificationReport => Path.Combine(Directory, "classification_report.json");

    /// <summary>Folder of the resumable checkpoint written after every epoch.</summary>
    public string Checkpoint => Path.Combine(Directory, "checkpoint");

    /// <summary>Folder of PNG plots.</summary>
    public string Plots => Path.Combine(Directory, "plots");

    /// <summary>Creates a new, unused run folder under <paramref name="root"/> named after the experiment and the time.</summary>
    public static RunPaths CreateNew(string root, string experimentName, DateTimeOffset now)
    {
        var safeName = string.Concat(experimentName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var stem = $"{safeName}-{now:yyyyMMdd-HHmmss}";
        for (var attempt = 0; ; attempt++)
        {
            var candidate = Path.Combine(root, attempt == 0 ? stem : $"{stem}-{attempt + 1}");
            if (System.IO.Directory.Exists(candidate))
                continue;
            System.IO.Directory.CreateDirectory(candidate);
            return new RunPaths(candidate);
        }
    }
}
