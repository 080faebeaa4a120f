using System.ComponentModel;
using FashionMnist.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist predict</c>.</summary>
public sealed class PredictSettings : GlobalSettings
{
    [CommandArgument(0, "<run>")]
    [Description("Run folder written by fmnist run, or a run id under runs/.")]
    public string Run { get; init; } = "";

    [CommandArgument(1, "[inputs]")]
    [Description("Picture files (PNG, JPEG...) or CSV files of Kaggle rows (784 pixels, with or without the "
                 + "label first; a header line is skipped).")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("-r|--row <CSV_ROW>")]
    [Description("One Kaggle CSV row given inline: 784 pixel values 0-255, optionally after the label; repeatable. "
                 + "Default: none.")]
    public string[] Rows { get; init; } = [];

    [CommandOption("-k|--top <K>")]
    [Description("Number of most likely classes listed per input, 1 to 10. Default: 3.")]
    public int Top { get; init; } = 3;

    public override ValidationResult Validate()
    {
        if (Inputs.Length == 0 && Rows.Length == 0)
            return ValidationResult.Error("Give at least one input: a picture or CSV file, or --row \"<csv row>\".");
        if (Top < 1 || Top > ImageSet.ClassCount)
        {
            return ValidationResult.Error(
                $"--top {Top}: expected a number of classes from 1 to {ImageSet.ClassCount}.");
        }
        return ValidationResult.Success();
    }
}
