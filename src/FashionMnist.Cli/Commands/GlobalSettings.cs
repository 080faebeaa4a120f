using System.ComponentModel;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options every command accepts.</summary>
public class GlobalSettings : CommandSettings
{
    [CommandOption("-q|--quiet")]
    [Description("Print only errors and the final result. Default: off.")]
    public bool Quiet { get; init; }

    [CommandOption("-v|--verbose")]
    [Description("Also print log messages at Information level, and stack traces of errors. Default: off.")]
    public bool Verbose { get; init; }
}
