using System.ComponentModel;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist runs</c>.</summary>
public sealed class RunsSettings : GlobalSettings
{
    /// <summary>The folder searched when <c>--dir</c> is not given, as <c>output.dir</c> defaults to it.</summary>
    public const string DefaultDirectory = "runs";

    [CommandOption("-d|--dir <DIR>")]
    [Description("Folder holding the run folders, as output.dir in the experiment. "
                 + "Default: runs (relative to the working directory).")]
    public string? Directory { get; init; }
}
