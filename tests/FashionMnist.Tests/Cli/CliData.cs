using FashionMnist.Data;
using SkiaSharp;

namespace FashionMnist.Tests.Cli;

/// <summary>
/// Small images that a model learns in one or two epochs. Class k is a bright horizontal band at rows 2k + 4 to
/// 2k + 6 over seeded noise. Some bands are shifted by a row, so the classes overlap a little.
/// </summary>
internal static class CliData
{
    public static ImageSet Create(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * ImageSet.PixelsPerImage];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % ImageSet.ClassCount;
            labels[i] = (byte)label;
            var offset = i * ImageSet.PixelsPerImage;
            for (var p = 0; p < ImageSet.PixelsPerImage; p++)
                pixels[offset + p] = (byte)random.Next(0, 90);

            var top = 2 * label + 4 + random.Next(-1, 2);
            for (var row = top; row < top + 3; row++)
            {
                for (var column = 0; column < ImageSet.Width; column++)
                    pixels[offset + row * ImageSet.Width + column] = (byte)random.Next(150, 256);
            }
        }
        return new ImageSet(pixels, labels, "generated");
    }

    /// <summary>Writes a 56×56 PNG of a light band on black at the rows of class <paramref name="label"/>.</summary>
    public static string WritePng(string path, int label)
    {
        using var bitmap = new SKBitmap(56, 56);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(new SKRect(0, 2 * (2 * label + 4), 56, 2 * (2 * label + 7)), paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }
}
