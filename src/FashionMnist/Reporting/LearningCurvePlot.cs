using FashionMnist.Tracking;
using SkiaSharp;

namespace FashionMnist.Reporting;

/// <summary>
/// Draws learning curves as a PNG: a loss panel and an accuracy panel, each with train and dev values per epoch,
/// and a legend on the right. One run uses one colour for train and another for dev. Several runs (for comparing
/// them) get one colour each, with train drawn solid and dev dashed. NaN values, such as the dev metrics of a
/// run without a dev set, are skipped.
/// </summary>
public sealed class LearningCurvePlot
{
    private const float LegendWidth = 210;
    private const float TitleHeight = 44;

    /// <summary>Image width in pixels. Default: 1200.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Image height in pixels. Default: 500.</summary>
    public int Height { get; init; } = 500;

    /// <summary>Title drawn above both panels. Default: "Learning curves".</summary>
    public string Title { get; init; } = "Learning curves";

    /// <summary>Font for all text. Default: <see cref="PlotFont.Default"/>.</summary>
    public PlotFont Font { get; init; } = PlotFont.Default;

    /// <summary>Renders the curves of one run as PNG bytes.</summary>
    public byte[] RenderPng(IReadOnlyList<EpochMetrics> epochs) => RenderPng([new LearningCurveSeries("", epochs)]);

    /// <summary>Renders the curves of one or more runs, overlaid, as PNG bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="runs"/> is empty.</exception>
    public byte[] RenderPng(IReadOnlyList<LearningCurveSeries> runs)
    {
        if (runs.Count == 0)
            throw new ArgumentException("No runs to plot: pass at least one run's epoch metrics.", nameof(runs));
        PngFile.CheckSize(Width, Height, 500, 260, "learning-curve plot");

        using var surface = PngFile.CreateSurface(Width, Height, "learning-curve plot");
        var canvas = surface.Canvas;
        var text = new PlotText(Font);

        text.Draw(canvas, Title, (Width - LegendWidth) / 2, 28, 18, PlotColors.Text, SKTextAlign.Center, bold: true);
        var panelWidth = (Width - LegendWidth) / 2;
        var lossArea = new SKRect(0, TitleHeight, panelWidth, Height);
        var accuracyArea = new SKRect(panelWidth, TitleHeight, 2 * panelWidth, Height);

        var entries = LegendEntries(runs);
        DrawPanel(canvas, text, lossArea, runs, entries, "Loss", "loss", m => m.TrainLoss, m => m.DevLoss);
        DrawPanel(canvas, text, accuracyArea, runs, entries, "Accuracy", "accuracy",
            m => m.TrainAccuracy, m => m.DevAccuracy);
        DrawLegend(canvas, text, new SKRect(2 * panelWidth, TitleHeight, Width, Height), runs.Count, entries);

        return PngFile.Encode(surface);
    }

    /// <summary>Renders the curves of one run and writes them to <paramref name="path"/>, creating its folder.
    /// </summary>
    public void Save(IReadOnlyList<EpochMetrics> epochs, string path) => PngFile.Write(RenderPng(epochs), path);

    /// <summary>Renders the curves of several runs and writes them to <paramref name="path"/>, creating its folder.
    /// </summary>
    public void Save(IReadOnlyList<LearningCurveSeries> runs, string path) => PngFile.Write(RenderPng(runs), path);

    private static void DrawPanel(SKCanvas canvas, PlotText text, SKRect area, IReadOnlyList<LearningCurveSeries> runs,
        List<LegendEntry> entries, string title, string yLabel, Func<EpochMetrics, double> train,
        Func<EpochMetrics, double> dev)
    {
        var plotRect = new SKRect(area.Left + 78, area.Top + 30, area.Right - 18, area.Bottom - 58);
        var epochs = runs.SelectMany(r => r.Epochs).ToList();
        var values = epochs.SelectMany(m => new[] { train(m), dev(m) }).Where(double.IsFinite).ToList();

        var xScale = epochs.Count == 0
            ? AxisScale.Create(1, 1, minimumStep: 1)
            : AxisScale.Create(epochs.Min(m => m.Epoch), epochs.Max(m => m.Epoch), maxTicks: 8, minimumStep: 1);
        var yScale = values.Count == 0 ? AxisScale.Create(0, 1) : AxisScale.Create(values.Min(), values.Max());
        var panel = new ChartPanel(plotRect, xScale, yScale, text);
        panel.DrawAxes(canvas, title, "epoch", yLabel);
        if (values.Count == 0)
            panel.DrawNote(canvas, "no finite values");

        foreach (var entry in entries.Where(e => e.Run is not null))
        {
            var metric = entry.IsDev ? dev : train;
            var points = entry.Run!.Epochs.Select(m => ((double)m.Epoch, metric(m))).ToList();
            panel.DrawSeries(canvas, points, entry.Color, entry.Dashed);
        }
    }

    private static void DrawLegend(SKCanvas canvas, PlotText text, SKRect area, int runCount,
        List<LegendEntry> entries)
    {
        const float rowHeight = 24;
        var y = area.Top + 38;
        var shown = runCount == 1 ? entries : entries.Where(e => e.Run is null || !e.IsDev).ToList();
        var maxRows = (int)((area.Height - 40) / rowHeight);
        foreach (var entry in shown.Take(maxRows))
        {
            using var dash = entry.Dashed ? SKPathEffect.CreateDash([7, 5], 0) : null;
            using var paint = new SKPaint
            {
                Color = entry.Color, StrokeWidth = 3, IsAntialias = true, Style = SKPaintStyle.Stroke,
                PathEffect = dash,
            };
            canvas.DrawLine(area.Left + 10, y, area.Left + 44, y, paint);
            text.DrawMiddle(canvas, Shorten(text, entry.Label, area.Width - 64), area.Left + 52, y, 13,
                PlotColors.Text);
            y += rowHeight;
        }
    }

    /// <summary>
    /// Lists the drawn series. One run: "train" and "dev" in two colours. Several runs: each run's train (solid)
    /// and dev (dashed) series in the run's colour, and two grey style keys that the legend shows instead of
    /// repeating every run twice.
    /// </summary>
    private static List<LegendEntry> LegendEntries(IReadOnlyList<LearningCurveSeries> runs)
    {
        if (runs.Count == 1)
            return
            [
                new(runs[0], false, "train", PlotColors.ForSeries(0), false),
                new(runs[0], true, "dev", PlotColors.ForSeries(1), false),
            ];

        var entries = new List<LegendEntry>();
        for (var i = 0; i < runs.Count; i++)
        {
            var name = string.IsNullOrWhiteSpace(runs[i].Name) ? $"run {i + 1}" : runs[i].Name;
            entries.Add(new(runs[i], false, name, PlotColors.ForSeries(i), false));
            entries.Add(new(runs[i], true, name + " dev", PlotColors.ForSeries(i), true));
        }
        entries.Add(new(null, false, "train", PlotColors.Muted, false));
        entries.Add(new(null, true, "dev", PlotColors.Muted, true));
        return entries;
    }

    private static string Shorten(PlotText text, string label, float maxWidth)
    {
        if (text.Measure(label, 13) <= maxWidth)
            return label;
        var shortened = label;
        while (shortened.Length > 1 && text.Measure(shortened + "…", 13) > maxWidth)
            shortened = shortened[..^1];
        return shortened + "…";
    }

    /// <summary>A drawn series (with its run) or a style key of the legend (without one).</summary>
    private sealed record LegendEntry(LearningCurveSeries? Run, bool IsDev, string Label, SKColor Color, bool Dashed);
}
