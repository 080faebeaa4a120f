using FashionMnist.Cli.Output;
using FashionMnist.Cli.Runs;
using FashionMnist.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>
/// <c>fmnist compare</c>: prints the parameters that differ between runs and their final metrics side by side,
/// and writes a report folder with the learning curves overlaid and a Markdown summary.
/// </summary>
internal sealed class CompareCommand(IAnsiConsole console) : Command<CompareSettings>
{
    /// <summary>File name of the Markdown report in the output folder.</summary>
    public const string ReportFile = "comparison.md";

    /// <summary>File name of the overlaid learning curves in the output folder.</summary>
    public const string CurvesFile = "learning_curves.png";

    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var runs = settings.Runs
                .Select(RunArgument.Resolve)
                .Select(paths => RunFolderReader.Read(paths.Directory))
                .ToList();
            var comparison = RunComparison.Create(runs);
            var notes = runs
                .Where(r => r.Problems.Count > 0)
                .Select(r => $"{r.RunId}: {string.Join("; ", r.Problems)}")
                .ToList();

            WriteTable(comparison.Labels, "parameter", comparison.DifferingParameters,
                "Every parameter recorded in run.json is the same in all runs.");
            WriteTable(comparison.Labels, "metric", comparison.Metrics, "");

            var output = Path.GetFullPath(settings.Output);
            Directory.CreateDirectory(output);
            var curves = WriteCurves(comparison, output, notes);
            File.WriteAllText(Path.Combine(output, ReportFile), ComparisonMarkdown.Render(comparison, curves, notes));

            foreach (var note in notes)
                console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
            console.WritePlainLine($"Report written to {Path.Combine(output, ReportFile)}");
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }

    private void WriteTable(IReadOnlyList<string> labels, string firstHeader, IReadOnlyList<ComparisonRow> rows,
        string whenEmpty)
    {
        if (rows.Count == 0)
        {
            console.WritePlainLine(whenEmpty);
            return;
        }

        var table = new Table().AddColumn(firstHeader);
        foreach (var label in labels)
            table.AddColumn(new TableColumn(Markup.Escape(label)).RightAligned());
        foreach (var row in rows)
            table.AddRow([Markup.Escape(row.Name), .. row.Values.Select(Markup.Escape)]);
        console.Write(table);
    }

    /// <summary>Draws the runs that have epoch metrics; returns the image's file name, or null when none has.</summary>
    private static string? WriteCurves(RunComparison comparison, string output, List<string> notes)
    {
        var series = new List<LearningCurveSeries>();
        for (var i = 0; i < comparison.Runs.Count; i++)
        {
            var epochs = RunFolderReader.ReadMetrics(comparison.Runs[i], notes);
            if (epochs.Count > 0)
                series.Add(new LearningCurveSeries(comparison.Labels[i], epochs));
        }

        var path = Path.Combine(output, CurvesFile);
        if (series.Count == 0)
        {
            File.Delete(path);
            return null;
        }

        var font = PlotFont.Default;
        if (!font.HasText)
            notes.Add(PlotFont.MissingFontMessage);
        var title = series.Count > 1
            ? "Learning curves (train solid, dev dashed)"
            : $"Learning curves of {series[0].Name}";
        new LearningCurvePlot { Font = font, Title = title }.Save(series, path);
        return CurvesFile;
    }
}
