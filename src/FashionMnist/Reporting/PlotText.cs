using SkiaSharp;

namespace FashionMnist.Reporting;

/// <summary>Draws and measures text with a <see cref="PlotFont"/>; with no font it draws nothing.</summary>
internal sealed class PlotText(PlotFont font)
{
    // Rough width of an average glyph relative to the font size, so that layouts keep their shape without a font.
    private const float FallbackGlyphWidth = 0.55f;

    public bool Enabled => font.HasText;

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="y"/>.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor color,
        SKTextAlign align = SKTextAlign.Left, bool bold = false)
    {
        if (font.Typeface is null || text.Length == 0)
            return;
        using var skFont = CreateFont(size, bold);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, x, y, align, skFont, paint);
    }

    /// <summary>Draws <paramref name="text"/> centred vertically on <paramref name="centerY"/>.</summary>
    public void DrawMiddle(SKCanvas canvas, string text, float x, float centerY, float size, SKColor color,
        SKTextAlign align = SKTextAlign.Left, bool bold = false) =>
        Draw(canvas, text, x, centerY + CapHeight(size) / 2, size, color, align, bold);

    /// <summary>Draws <paramref name="text"/> rotated by <paramref name="degrees"/> about its anchor point.</summary>
    public void DrawRotated(SKCanvas canvas, string text, float x, float y, float size, SKColor color,
        float degrees, SKTextAlign align = SKTextAlign.Center)
    {
        canvas.Save();
        canvas.RotateDegrees(degrees, x, y);
        Draw(canvas, text, x, y, size, color, align);
        canvas.Restore();
    }

    public float Measure(string text, float size, bool bold = false)
    {
        if (font.Typeface is null)
            return text.Length * size * FallbackGlyphWidth;
        using var skFont = CreateFont(size, bold);
        return skFont.MeasureText(text);
    }

    /// <summary>Returns the height of capital letters, about 0.72 of the size for DejaVu Sans.</summary>
    public float CapHeight(float size)
    {
        if (font.Typeface is null)
            return size * 0.72f;
        using var skFont = CreateFont(size, bold: false);
        var capHeight = skFont.Metrics.CapHeight;
        return capHeight > 0 ? capHeight : size * 0.72f;
    }

    private SKFont CreateFont(float size, bool bold) =>
        new(font.Typeface, size) { Embolden = bold, Edging = SKFontEdging.Antialias, Subpixel = true };
}
