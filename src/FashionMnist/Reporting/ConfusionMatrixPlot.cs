using System.Globalization;
using FashionMnist.Data;
using SkiaSharp;

namespace FashionMnist.Reporting;

/// <summary>
/// Draws a confusion matrix as a PNG heat map whose rows are true classes and whose columns are predicted
/// classes. Each cell shows its count. Its colour runs from near white (0) to dark blue (the largest count), and
/// a colour bar on the right shows the scale.
/// </summary>
public sealed class ConfusionMatrixPlot
{
    private const float TitleHeight = 56;
    private const float LabelSize = 13;
    private const float ColourBarSpace = 110;

    /// <summary>Image width in pixels. Default: 900.</summary>
    public int Width { get; init; } = 900;

    /// <summary>Image height in pixels. Default: 820.</summary>
    public int Height { get; init; } = 820;

    /// <summary>Title drawn above the matrix. Default: "Confusion matrix".</summary>
    public string Title { get; init; } = "Confusion matrix";

    /// <summary>Font for all text. Default: <see cref="PlotFont.Default"/>.</summary>
    public PlotFont Font { get; init; } = PlotFont.Default;

    /// <summary>Renders the confusion matrix of <paramref name="report"/> as PNG bytes.</summary>
    public byte[] RenderPng(ClassificationReport report) => RenderPng(report.GetConfusionMatrix(), report.ClassNames);

    /// <summary>
    /// Renders <paramref name="matrix"/> (rows true classes, columns predicted classes) as PNG bytes, labelled with
    /// <paramref name="classNames"/> or <see cref="ImageSet.ClassNames"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square with one row per class name.</exception>
    public byte[] RenderPng(int[][] matrix, IReadOnlyList<string>? classNames = null)
    {
        classNames ??= ImageSet.ClassNames;
        CheckMatrix(matrix, classNames);
        PngFile.CheckSize(Width, Height, 300, 300, "confusion-matrix plot");

        using var surface = PngFile.CreateSurface(Width, Height, "confusion-matrix plot");
        var canvas = surface.Canvas;
        var text = new PlotText(Font);
        var layout = ComputeLayout(text, classNames);
        var max = Math.Max(1, matrix.Max(row => row.Length == 0 ? 0 : row.Max()));

        text.Draw(canvas, Title, Width / 2f, 32, 18, PlotColors.Text, SKTextAlign.Center, bold: true);
        DrawCells(canvas, text, layout, matrix, max);
        DrawLabels(canvas, text, layout, classNames);
        DrawColourBar(canvas, text, layout, max);

        return PngFile.Encode(surface);
    }

    /// <summary>Renders the confusion matrix of <paramref name="report"/> and writes it to <paramref name="path"/>.
    /// </summary>
    public void Save(ClassificationReport report, string path) => PngFile.Write(RenderPng(report), path);

    /// <summary>Renders <paramref name="matrix"/> and writes it to <paramref name="path"/>, creating its folder.
    /// </summary>
    public void Save(int[][] matrix, string path, IReadOnlyList<string>? classNames = null) =>
        PngFile.Write(RenderPng(matrix, classNames), path);

    /// <summary>Returns the pixel rectangle of one cell, for checking the drawn colours.</summary>
    internal SKRect GetCellRect(int row, int column, IReadOnlyList<string> classNames)
    {
        var layout = ComputeLayout(new PlotText(Font), classNames);
        return layout.Cell(row, column);
    }

    private Layout ComputeLayout(PlotText text, IReadOnlyList<string> classNames)
    {
        var count = classNames.Count;
        var nameWidth = classNames.Max(name => text.Measure(name, LabelSize));
        var left = 40 + nameWidth + 10;
        // Column names are drawn at 45°, so they need about 0.71 of their width below the matrix.
        var bottom = nameWidth * 0.71f + LabelSize + 50;
        var cell = Math.Min((Width - left - ColourBarSpace) / count, (Height - TitleHeight - bottom) / count);
        cell = Math.Max(cell, 4);
        return new Layout(left, TitleHeight, cell, count);
    }

    private static void DrawCells(SKCanvas canvas, PlotText text, Layout layout, int[][] matrix, int max)
    {
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        var numberSize = Math.Clamp(layout.CellSize * 0.3f, 7, 16);
        for (var row = 0; row < layout.Count; row++)
        {
            for (var column = 0; column < layout.Count; column++)
            {
                var t = (double)matrix[row][column] / max;
                var rect = layout.Cell(row, column);
                fill.Color = PlotColors.Heat(t);
                canvas.DrawRect(rect, fill);
                var ink = t > 0.55 ? SKColors.White : PlotColors.Text;
                var count = matrix[row][column].ToString(CultureInfo.InvariantCulture);
                if (text.Measure(count, numberSize) < layout.CellSize - 2)
                    text.DrawMiddle(canvas, count, rect.MidX, rect.MidY, numberSize, ink, SKTextAlign.Center);
            }
        }

        using var frame = new SKPaint { Color = PlotColors.Axis, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(layout.Matrix, frame);
    }

    private static void DrawLabels(SKCanvas canvas, PlotText text, Layout layout, IReadOnlyList<string> classNames)
    {
        var matrix = layout.Matrix;
        for (var i = 0; i < layout.Count; i++)
        {
            var rowCentre = matrix.Top + (i + 0.5f) * layout.CellSize;
            text.DrawMiddle(canvas, classNames[i], matrix.Left - 8, rowCentre, LabelSize, PlotColors.Text,
                SKTextAlign.Right);
            var columnCentre = matrix.Left + (i + 0.5f) * layout.CellSize;
            text.DrawRotated(canvas, classNames[i], columnCentre + 4, matrix.Bottom + 12, LabelSize, PlotColors.Text,
                -45, SKTextAlign.Right);
        }

        text.DrawRotated(canvas, "true class", 22, matrix.MidY, 14, PlotColors.Text, -90);
        text.Draw(canvas, "predicted class", matrix.MidX, layout.LabelBottom(text, classNames, LabelSize) + 22, 14,
            PlotColors.Text, SKTextAlign.Center);
    }

    private static void DrawColourBar(SKCanvas canvas, PlotText text, Layout layout, int max)
    {
        var bar = new SKRect(layout.Matrix.Right + 28, layout.Matrix.Top, layout.Matrix.Right + 46,
            layout.Matrix.Bottom);
        const int slices = 128;
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        for (var i = 0; i < slices; i++)
        {
            // Slice 0 is the top of the bar, which shows the largest count.
            var top = bar.Top + bar.Height * i / slices;
            var bottom = bar.Top + bar.Height * (i + 1) / slices;
            fill.Color = PlotColors.Heat(1 - (i + 0.5) / slices);
            canvas.DrawRect(new SKRect(bar.Left, top, bar.Right, bottom + 1), fill);
        }

        using var axis = new SKPaint { Color = PlotColors.Axis, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(bar, axis);
        var scale = AxisScale.Create(0, max, maxTicks: 6, padding: 0, minimumStep: 1) with { Min = 0, Max = max };
        foreach (var tick in scale.Ticks())
        {
            var y = scale.Map(tick, bar.Bottom, bar.Top);
            canvas.DrawLine(bar.Right, y, bar.Right + 4, y, axis);
            text.DrawMiddle(canvas, scale.Format(tick), bar.Right + 7, y, 11, PlotColors.Text);
        }
    }

    private static void CheckMatrix(int[][] matrix, IReadOnlyList<string> classNames)
    {
        if (classNames.Count == 0 || matrix.Length != classNames.Count
            || matrix.Any(row => row.Length != classNames.Count))
            throw new ArgumentException(
                $"The confusion matrix must be {classNames.Count}×{classNames.Count} (one row and column per " +
                $"class name), but it has {matrix.Length} rows.", nameof(matrix));
    }

    private sealed record Layout(float Left, float Top, float CellSize, int Count)
    {
        public SKRect Matrix => new(Left, Top, Left + CellSize * Count, Top + CellSize * Count);

        public SKRect Cell(int row, int column) =>
            new(Left + column * CellSize, Top + row * CellSize, Left + (column + 1) * CellSize,
                Top + (row + 1) * CellSize);

        public float LabelBottom(PlotText text, IReadOnlyList<string> names, float size) =>
            Matrix.Bottom + 12 + names.Max(name => text.Measure(name, size)) * 0.71f;
    }
}
