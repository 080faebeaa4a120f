using SkiaSharp;

namespace FashionMnist.Reporting;

/// <summary>Creates drawing surfaces and turns them into PNG bytes or files.</summary>
internal static class PngFile
{
    public static SKSurface CreateSurface(int width, int height, string plot)
    {
        var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (surface is null)
            throw new InvalidOperationException(
                $"SkiaSharp could not create a {width}×{height} drawing surface for the {plot}.");
        surface.Canvas.Clear(PlotColors.Background);
        return surface;
    }

    public static byte[] Encode(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Writes <paramref name="png"/> to <paramref name="path"/>, creating the parent folder.</summary>
    public static void Write(byte[] png, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, png);
    }

    public static void CheckSize(int width, int height, int minWidth, int minHeight, string plot)
    {
        if (width < minWidth || height < minHeight || width > 8192 || height > 8192)
            throw new ArgumentOutOfRangeException(nameof(width),
                $"The {plot} size {width}×{height} pixels is outside the supported range " +
                $"{minWidth}×{minHeight} to 8192×8192.");
    }
}
