using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist compare</c>.</summary>
public sealed class CompareSettings : GlobalSettings
{
    /// <summary>The report folder when <c>--output</c> is not given.</summary>
    public const string DefaultOutput = "comparison";

    [CommandArgument(0, "<runs>")]
    [Description("Two or more run folders, or run ids under runs/.")]
    public string[] Runs { get; init; } = [];

    [CommandOption("-o|--output <DIR>")]
    [Description("Folder for the report: comparison.md and learning_curves.png, overwritten. "
                 + "Default: comparison (relative to the working directory).")]
    public string Output { get; init; } = DefaultOutput;

    public override ValidationResult Validate() =>
        Runs.Length < 2
            ? ValidationResult.Error("Give at least two runs to compare, e.g. fmnist compare runs/a runs/b.")
            : ValidationResult.Success();
}
