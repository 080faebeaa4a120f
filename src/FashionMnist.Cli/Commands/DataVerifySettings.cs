using System.ComponentModel;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist data verify</c>.</summary>
public sealed class DataVerifySettings : GlobalSettings
{
    [CommandOption("-d|--dir <DIR>")]
    [Description("Folder holding the four IDX files, each gzipped or not. Default: $FASHION_MNIST_DIR, "
                 + "else /usr/share/datasets/fashion-mnist (where apt-get install dataset-fashion-mnist puts them).")]
    public string? Directory { get; init; }
}
