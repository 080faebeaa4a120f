using SkiaSharp;

namespace FashionMnist.Tests.Reporting;

/// <summary>A PNG decoded back to RGBA pixels, with the measures the plot tests check.</summary>
internal sealed class DecodedPng
{
    private readonly SKColor[] _pixels;

    public DecodedPng(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("The bytes are not a PNG.");
        Width = bitmap.Width;
        Height = bitmap.Height;
        _pixels = bitmap.Pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public SKColor this[int x, int y] => _pixels[y * Width + x];

    /// <summary>Variance of the pixels' luma, 0 for a blank image.</summary>
    public double LumaVariance()
    {
        var lumas = _pixels.Select(Luma).ToList();
        var mean = lumas.Average();
        return lumas.Average(l => (l - mean) * (l - mean));
    }

    /// <summary>Number of pixels within <paramref name="tolerance"/> of <paramref name="color"/> in every channel.
    /// </summary>
    public int Count(SKColor color, int tolerance = 12) =>
        _pixels.Count(p => Math.Abs(p.Red - color.Red) <= tolerance
                           && Math.Abs(p.Green - color.Green) <= tolerance
                           && Math.Abs(p.Blue - color.Blue) <= tolerance);

    /// <summary>Number of pixels that differ from <paramref name="other"/> of the same size.</summary>
    public int DifferingPixels(DecodedPng other) =>
        _pixels.Zip(other._pixels).Count(pair => pair.First != pair.Second);

    public static double Luma(SKColor c) => 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;
}
