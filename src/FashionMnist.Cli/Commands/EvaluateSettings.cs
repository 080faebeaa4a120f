using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist evaluate</c>.</summary>
public sealed class EvaluateSettings : GlobalSettings
{
    /// <summary>The accepted values of <c>--split</c>.</summary>
    public static IReadOnlyList<string> Splits { get; } = ["test", "dev", "train"];

    [CommandArgument(0, "<run>")]
    [Description("Run folder written by fmnist run, or a run id under runs/.")]
    public string Run { get; init; } = "";

    [CommandOption("--split <SPLIT>")]
    [Description("Images to evaluate on: test, dev or train (train and dev as the run split them). Default: test.")]
    public string Split { get; init; } = "test";

    [CommandOption("-s|--set <KEY=VALUE>")]
    [Description("Override a data.* key of the run's experiment, e.g. --set data.dir=/data/fmnist; repeatable. "
                 + "Default: the run's data settings.")]
    public string[] Overrides { get; init; } = [];

    [CommandOption("-o|--output <DIR>")]
    [Description("Also write classification_report.csv/.json, confusion_matrix.csv and confusion_matrix.png "
                 + "to this folder. Default: none (print only).")]
    public string? Output { get; init; }

    public override ValidationResult Validate()
    {
        if (!Splits.Contains(Split))
            return ValidationResult.Error($"--split {Split}: expected one of {string.Join(", ", Splits)}.");
        return OverrideSyntax.Check(Overrides, "data.dir=/data/fmnist", section: "data");
    }
}
