using System.Globalization;
using FashionMnist.Training;
using Spectre.Console;

namespace FashionMnist.Cli.Output;

/// <summary>The table printed at the end of a run.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, RunResult result)
    {
        var final = result.Final;
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("test accuracy", F(final.TestAccuracy, "F4"));
        table.AddRow("test loss", F(final.TestLoss, "F4"));
        table.AddRow("best dev accuracy", F(final.BestDevAccuracy, "F4"));
        table.AddRow("best epoch", final.BestEpoch.ToString(CultureInfo.InvariantCulture));
        table.AddRow("epochs trained", final.EpochsTrained.ToString(CultureInfo.InvariantCulture));
        table.AddRow("training time", F(final.TrainingSeconds, "F1") + " s");
        table.AddRow("run folder", Markup.Escape(result.Paths.Directory));
        console.Write(table);
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
