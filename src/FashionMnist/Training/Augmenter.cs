using FashionMnist.Data;
using FashionMnist.Experiments;

namespace FashionMnist.Training;

/// <summary>
/// Applies the configured random crop, horizontal flip and random erasing to raw training images in managed
/// code, drawing every random choice from one seeded generator so a run is reproducible.
/// </summary>
public sealed class Augmenter(AugmentationOptions options)
{
    private const int Side = ImageSet.Width;

    /// <summary>Copies the images at <paramref name="rows"/> of <paramref name="source"/> into <paramref name="target"/>, augmented.</summary>
    public void Fill(ImageSet source, ReadOnlySpan<long> rows, byte[] target, Random random)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var input = source.Pixels.AsSpan((int)rows[i] * ImageSet.PixelsPerImage, ImageSet.PixelsPerImage);
            var output = target.AsSpan(i * ImageSet.PixelsPerImage, ImageSet.PixelsPerImage);
            Augment(input, output, random);
        }
    }

    /// <summary>Writes one augmented copy of <paramref name="input"/> (784 bytes) into <paramref name="output"/>.</summary>
    public void Augment(ReadOnlySpan<byte> input, Span<byte> output, Random random)
    {
        var padding = options.CropPadding;
        var dx = padding > 0 ? random.Next(-padding, padding + 1) : 0;
        var dy = padding > 0 ? random.Next(-padding, padding + 1) : 0;
        var flip = options.HorizontalFlip && random.Next(2) == 1;

        // A crop of the zero-padded image at offset (p + dx, p + dy) is the image shifted by (-dx, -dy).
        for (var y = 0; y < Side; y++)
        {
            var sourceY = y + dy;
            for (var x = 0; x < Side; x++)
            {
                var sourceX = (flip ? Side - 1 - x : x) + dx;
                var inside = sourceY >= 0 && sourceY < Side && sourceX >= 0 && sourceX < Side;
                output[y * Side + x] = inside ? input[sourceY * Side + sourceX] : (byte)0;
            }
        }

        if (options.RandomErasing > 0 && random.NextDouble() < options.RandomErasing)
            Erase(output, random);
    }

    // Random erasing as torchvision's defaults: area 2–33% of the image, aspect ratio 0.3–3.3, filled with 0.
    private static void Erase(Span<byte> image, Random random)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var area = Side * Side * (0.02 + random.NextDouble() * (0.33 - 0.02));
            var logRatio = Math.Log(0.3) + random.NextDouble() * (Math.Log(1 / 0.3) - Math.Log(0.3));
            var ratio = Math.Exp(logRatio);
            var height = (int)Math.Round(Math.Sqrt(area * ratio));
            var width = (int)Math.Round(Math.Sqrt(area / ratio));
            if (height < 1 || width < 1 || height >= Side || width >= Side)
                continue;

            var top = random.Next(0, Side - height + 1);
            var left = random.Next(0, Side - width + 1);
            for (var y = top; y < top + height; y++)
                image.Slice(y * Side + left, width).Clear();
            return;
        }
    }
}
