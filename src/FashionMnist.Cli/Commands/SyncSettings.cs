using System.ComponentModel;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist sync</c>.</summary>
public sealed class SyncSettings : GlobalSettings
{
    [CommandArgument(0, "[path]")]
    [Description("A run folder, or the folder of run folders. Default: runs.")]
    public string Path { get; init; } = "runs";

    [CommandOption("--tracking-uri <URI>")]
    [Description("MLflow tracking server, e.g. http://127.0.0.1:5000. Default: MLFLOW_TRACKING_URI.")]
    public string? TrackingUri { get; init; }

    [CommandOption("--experiment <NAME>")]
    [Description("MLflow experiment for runs that name none. Default: MLFLOW_EXPERIMENT_NAME, else each run's own.")]
    public string? Experiment { get; init; }
}
