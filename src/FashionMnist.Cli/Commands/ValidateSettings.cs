using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist validate</c>.</summary>
public sealed class ValidateSettings : GlobalSettings
{
    [CommandArgument(0, "<experiment>")]
    [Description("Experiment YAML file to check, relative to the working directory.")]
    public string ExperimentFile { get; init; } = "";

    [CommandOption("-s|--set <KEY=VALUE>")]
    [Description("Override one key of the experiment, e.g. --set optimizer.lr=0.001; repeatable. Default: none.")]
    public string[] Overrides { get; init; } = [];

    public override ValidationResult Validate() => OverrideSyntax.Check(Overrides, "optimizer.lr=0.001");
}
