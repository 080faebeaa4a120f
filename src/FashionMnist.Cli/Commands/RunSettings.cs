using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist run</c>.</summary>
public sealed class RunSettings : GlobalSettings
{
    [CommandArgument(0, "[experiment]")]
    [Description("Experiment YAML file to train. Not needed with --resume.")]
    public string? ExperimentFile { get; init; }

    [CommandOption("-s|--set <KEY=VALUE>")]
    [Description("Override one key of the experiment, e.g. --set optimizer.lr=0.001; repeatable. Default: none.")]
    public string[] Overrides { get; init; } = [];

    [CommandOption("--dry-run")]
    [Description("Print the resolved experiment, every default filled in, and train nothing. Default: off.")]
    public bool DryRun { get; init; }

    [CommandOption("--resume <RUN_DIR>")]
    [Description("Continue an interrupted run from its folder's last checkpoint. Default: start a new run.")]
    public string? Resume { get; init; }

    [CommandOption("--tracking-uri <URI>")]
    [Description("MLflow tracking server, e.g. http://127.0.0.1:5000; beats tracking.uri and MLFLOW_TRACKING_URI. Default: none (runs kept locally).")]
    public string? TrackingUri { get; init; }

    [CommandOption("--experiment <NAME>")]
    [Description("MLflow experiment name; beats tracking.experiment and MLFLOW_EXPERIMENT_NAME. Default: the file's name.")]
    public string? ExperimentName { get; init; }

    [CommandOption("--run-name <NAME>")]
    [Description("Run name shown in MLflow. Default: the file's name plus any --set keys.")]
    public string? RunName { get; init; }

    [CommandOption("--shard <I/N>")]
    [Description("Run only shard I of N of a sweep (1-based), for array jobs. Default: every point.")]
    public string? Shard { get; init; }

    public override ValidationResult Validate()
    {
        if (ExperimentFile is null && Resume is null)
            return ValidationResult.Error("Give an experiment file, e.g. fmnist run experiments/baseline.yaml, or --resume RUN_DIR.");
        if (Resume is not null && !Directory.Exists(Resume))
            return ValidationResult.Error($"--resume {Resume}: no such run folder; list runs with fmnist runs.");
        foreach (var item in Overrides)
        {
            if (!item.Contains('='))
                return ValidationResult.Error($"--set {item}: expected KEY=VALUE, e.g. --set optimizer.lr=0.001.");
        }
        return ValidationResult.Success();
    }
}
