using System.Text;

namespace FashionMnist.Cli.Runs;

/// <summary>Writes a <see cref="RunComparison"/> as a Markdown report.</summary>
internal static class ComparisonMarkdown
{
    /// <summary>
    /// Returns the report: the runs, the parameters that differ, the final metrics and, when
    /// <paramref name="curvesImage"/> is set, that image (a path relative to the report).
    /// </summary>
    public static string Render(RunComparison comparison, string? curvesImage, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Comparison of {comparison.Runs.Count} runs").AppendLine();

        AppendTable(text, ["run", "run id", "experiment", "folder"], comparison.Runs.Select((run, i) =>
            (IReadOnlyList<string>)[comparison.Labels[i], run.RunId, run.ExperimentName ?? "-", run.Paths.Directory]));

        text.AppendLine("## Parameters that differ").AppendLine();
        if (comparison.DifferingParameters.Count == 0)
            text.AppendLine("Every parameter recorded in run.json is the same in all runs.").AppendLine();
        else
            AppendRows(text, "parameter", comparison.Labels, comparison.DifferingParameters);

        text.AppendLine("## Final metrics").AppendLine();
        AppendRows(text, "metric", comparison.Labels, comparison.Metrics);

        text.AppendLine("## Learning curves").AppendLine();
        text.AppendLine(curvesImage is null
            ? "No run has epoch metrics to plot."
            : $"![Learning curves: train solid, dev dashed]({curvesImage})");

        if (notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in notes)
                text.AppendLine($"- {Escape(note)}");
        }
        return text.ToString();
    }

    private static void AppendRows(StringBuilder text, string firstHeader, IReadOnlyList<string> labels,
        IReadOnlyList<ComparisonRow> rows) =>
        AppendTable(text, [firstHeader, .. labels],
            rows.Select(row => (IReadOnlyList<string>)[row.Name, .. row.Values]));

    private static void AppendTable(StringBuilder text, IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string>> rows)
    {
        text.AppendLine("| " + string.Join(" | ", headers.Select(Escape)) + " |");
        text.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", headers.Count)));
        foreach (var row in rows)
            text.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        text.AppendLine();
    }

    // A pipe would end the cell and a line break the row.
    private static string Escape(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
