using System.ComponentModel;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist data convert</c>.</summary>
public sealed class DataConvertSettings : GlobalSettings
{
    [CommandArgument(0, "<input>")]
    [Description("File to convert: an IDX images file (gzipped or not) when the output is CSV, "
                 + "else a Kaggle CSV file.")]
    public string Input { get; init; } = "";

    [CommandArgument(1, "<output>")]
    [Description("File to write. A name ending in .csv (or .csv.gz) gives Kaggle CSV, any other name an IDX images "
                 + "file; a name ending in .gz is gzip-compressed. Overwritten.")]
    public string Output { get; init; } = "";

    [CommandOption("-l|--labels <FILE>")]
    [Description("IDX labels file: the one to read for IDX to CSV, the one to write for CSV to IDX. "
                 + "Default: beside the images file, named by the standard pattern "
                 + "(train-images-idx3-ubyte -> train-labels-idx1-ubyte).")]
    public string? Labels { get; init; }
}
