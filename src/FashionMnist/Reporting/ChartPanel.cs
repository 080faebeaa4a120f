using SkiaSharp;

namespace FashionMnist.Reporting;

/// <summary>
/// One chart area with a frame, grid, ticks and axis labels. It maps data values to pixels inside
/// <see cref="Plot"/>.
/// </summary>
internal sealed class ChartPanel(SKRect plot, AxisScale x, AxisScale y, PlotText text)
{
    private const float TickLength = 5;
    private const float TickTextSize = 12;
    private const float LabelTextSize = 14;

    public SKRect Plot { get; } = plot;

    public SKPoint Map(double xValue, double yValue) =>
        new(x.Map(xValue, Plot.Left, Plot.Right), y.Map(yValue, Plot.Bottom, Plot.Top));

    /// <summary>Draws the grid, frame, ticks with their labels, the axis labels and the panel title.</summary>
    public void DrawAxes(SKCanvas canvas, string title, string xLabel, string yLabel)
    {
        using var gridPaint = new SKPaint { Color = PlotColors.Grid, StrokeWidth = 1, IsAntialias = false };
        using var axisPaint = new SKPaint
        {
            Color = PlotColors.Axis, StrokeWidth = 1, IsAntialias = false, Style = SKPaintStyle.Stroke,
        };

        foreach (var tick in x.Ticks())
        {
            var px = x.Map(tick, Plot.Left, Plot.Right);
            canvas.DrawLine(px, Plot.Top, px, Plot.Bottom, gridPaint);
            canvas.DrawLine(px, Plot.Bottom, px, Plot.Bottom + TickLength, axisPaint);
            text.Draw(canvas, x.Format(tick), px, Plot.Bottom + TickLength + TickTextSize + 2, TickTextSize,
                PlotColors.Text, SKTextAlign.Center);
        }

        foreach (var tick in y.Ticks())
        {
            var py = y.Map(tick, Plot.Bottom, Plot.Top);
            canvas.DrawLine(Plot.Left, py, Plot.Right, py, gridPaint);
            canvas.DrawLine(Plot.Left - TickLength, py, Plot.Left, py, axisPaint);
            text.DrawMiddle(canvas, y.Format(tick), Plot.Left - TickLength - 3, py, TickTextSize, PlotColors.Text,
                SKTextAlign.Right);
        }

        canvas.DrawRect(Plot, axisPaint);
        text.Draw(canvas, title, Plot.MidX, Plot.Top - 10, 15, PlotColors.Text, SKTextAlign.Center, bold: true);
        text.Draw(canvas, xLabel, Plot.MidX, Plot.Bottom + 44, LabelTextSize, PlotColors.Text, SKTextAlign.Center);
        text.DrawRotated(canvas, yLabel, Plot.Left - 52, Plot.MidY, LabelTextSize, PlotColors.Text, -90);
    }

    /// <summary>
    /// Draws a line through the finite points of a series, with a dot on each. A NaN or infinite value breaks the
    /// line, so a missing epoch leaves a gap instead of a misleading straight segment.
    /// </summary>
    public void DrawSeries(SKCanvas canvas, IReadOnlyList<(double X, double Y)> points, SKColor color, bool dashed)
    {
        using var dash = dashed ? SKPathEffect.CreateDash([7, 5], 0) : null;
        using var linePaint = new SKPaint
        {
            Color = color, StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke,
            StrokeJoin = SKStrokeJoin.Round, PathEffect = dash,
        };
        using var dotPaint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var path = new SKPath();

        var penDown = false;
        canvas.Save();
        canvas.ClipRect(SKRect.Inflate(Plot, 4, 4));
        foreach (var (xValue, yValue) in points)
        {
            if (!double.IsFinite(xValue) || !double.IsFinite(yValue))
            {
                penDown = false;
                continue;
            }
            var point = Map(xValue, yValue);
            if (penDown)
                path.LineTo(point);
            else
                path.MoveTo(point);
            penDown = true;
            canvas.DrawCircle(point, 3.5f, dotPaint);
        }
        canvas.DrawPath(path, linePaint);
        canvas.Restore();
    }

    /// <summary>Writes a note in the middle of the panel, for a panel without any finite value.</summary>
    public void DrawNote(SKCanvas canvas, string note) =>
        text.DrawMiddle(canvas, note, Plot.MidX, Plot.MidY, 14, PlotColors.Muted, SKTextAlign.Center);
}
