using FashionMnist.Cli.Commands;
using FashionMnist.Data;
using FashionMnist.Tracking;

namespace FashionMnist.Cli.Runs;

/// <summary>Resolves a run named on the command line to its folder.</summary>
internal static class RunArgument
{
    /// <summary>
    /// Returns the folder <paramref name="value"/> names: a path, or else a run id under <c>runs</c> in the working
    /// directory. Throws <see cref="CommandLineException"/> when neither exists.
    /// </summary>
    public static RunPaths Resolve(string value)
    {
        if (Directory.Exists(value))
            return new RunPaths(value);

        var underRuns = Path.Combine(RunsSettings.DefaultDirectory, value);
        if (Directory.Exists(underRuns))
            return new RunPaths(underRuns);

        throw new CommandLineException(
            $"run {value}: no such folder ({Path.GetFullPath(value)}), nor a run of that id in "
            + $"{Path.GetFullPath(RunsSettings.DefaultDirectory)}. List the runs with fmnist runs --dir DIR.");
    }

    /// <summary>
    /// Returns the folder of a run whose experiment and best weights are needed, as <c>evaluate</c> and
    /// <c>predict</c> use them. A folder without <c>experiment.yaml</c> is not a run folder (exit code 2); one
    /// without weights is a run that saved none (exit code 3).
    /// </summary>
    public static RunPaths ResolveTrained(string value)
    {
        var paths = Resolve(value);
        if (!File.Exists(paths.Experiment))
        {
            throw new CommandLineException(
                $"{paths.Directory} is not a run folder: it has no experiment.yaml. Give a folder that fmnist run "
                + "wrote; list them with fmnist runs.");
        }
        if (!File.Exists(paths.BestWeights))
        {
            throw new DataException(
                $"{paths.BestWeights}: file not found, so the run has no weights to load; it probably stopped "
                + "before its first epoch ended. Train it again, or resume it with fmnist run --resume "
                + $"{paths.Directory}.");
        }
        return paths;
    }
}
