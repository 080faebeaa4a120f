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

    public static void WriteSweep(IAnsiConsole console, IReadOnlyList<SweepPointResult> results)
    {
        var table = new Table().AddColumn("point").AddColumn("overrides").AddColumn("status")
            .AddColumn(new TableColumn("test accuracy").RightAligned()).AddColumn("run folder");
        foreach (var result in results)
        {
            table.AddRow(
                result.Point.Index.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(' ', result.Point.Overrides)),
                result.Error is null ? "finished" : "[red]failed[/]",
                result.Error is null ? F(result.TestAccuracy, "F4") : "–",
                Markup.Escape(result.RunDirectory ?? result.Error ?? ""));
        }
        console.Write(table);
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
