using System.Globalization;
using FashionMnist.Reporting;
using Spectre.Console;

namespace FashionMnist.Cli.Output;

/// <summary>Console tables of a <see cref="ClassificationReport"/>.</summary>
internal static class ReportTables
{
    /// <summary>Returns precision, recall, F1 and support per class, then the macro averages.</summary>
    public static Table Classes(ClassificationReport report)
    {
        var table = new Table()
            .AddColumn("class")
            .AddColumn(new TableColumn("precision").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned())
            .AddColumn(new TableColumn("support").RightAligned());
        foreach (var c in report.Classes)
        {
            table.AddRow(Markup.Escape(c.Name), Numbers.Share(c.Precision), Numbers.Share(c.Recall),
                Numbers.Share(c.F1), Count(c.Support));
        }
        table.AddRow("[bold]macro avg[/]", Numbers.Share(report.MacroPrecision), Numbers.Share(report.MacroRecall),
            Numbers.Share(report.MacroF1), Count(report.Count));
        return table;
    }

    /// <summary>Returns the confusion matrix: one row per true class and one column per predicted class.</summary>
    public static Table Confusion(ClassificationReport report)
    {
        var table = new Table().AddColumn("true \\ predicted");
        foreach (var name in report.ClassNames)
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());

        for (var row = 0; row < report.ClassCount; row++)
        {
            var cells = new List<string> { Markup.Escape(report.ClassNames[row]) };
            for (var column = 0; column < report.ClassCount; column++)
            {
                var count = Count(report.Confusion(row, column));
                cells.Add(row == column ? $"[bold]{count}[/]" : count);
            }
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
