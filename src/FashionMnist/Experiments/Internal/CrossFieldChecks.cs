namespace FashionMnist.Experiments.Internal;

/// <summary>Checks that involve more than one key, run after binding so every value is known.</summary>
internal static class CrossFieldChecks
{
    /// <summary>Reports each inconsistency at the node of the key the file or an override set.</summary>
    public static void Run(
        Experiment experiment, IReadOnlyDictionary<string, ConfigNode> locations, ProblemList problems)
    {
        CheckDataFiles(experiment.Data, locations, problems);
        CheckEarlyStopping(experiment, locations, problems);
    }

    private static void CheckDataFiles(
        DataOptions data, IReadOnlyDictionary<string, ConfigNode> locations, ProblemList problems)
    {
        if (data.Train is null == data.Test is null)
            return;

        var (setKey, setValue, missingKey) = data.Train is not null
            ? ("data.train", data.Train, "data.test")
            : ("data.test", data.Test!, "data.train");
        problems.Add(locations[setKey], setKey, setValue,
            $"{missingKey} is not set; set both data.train and data.test, "
            + "or neither to use the standard files in data.dir");
    }

    private static void CheckEarlyStopping(
        Experiment experiment, IReadOnlyDictionary<string, ConfigNode> locations, ProblemList problems)
    {
        var patience = experiment.Training.EarlyStopping.Patience;
        if (patience == 0 || experiment.Data.DevFraction > 0)
            return;

        const string key = "training.early_stopping.patience";
        problems.Add(locations[key], key, patience.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "early stopping watches a dev metric, but data.dev_fraction is 0, so there is no dev set; "
            + "set data.dev_fraction above 0 or patience to 0");
    }
}
