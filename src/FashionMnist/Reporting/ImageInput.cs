using System.Globalization;
using FashionMnist.Data;
using SkiaSharp;

namespace FashionMnist.Reporting;

/// <summary>
/// One image made ready for prediction: 784 grey values (28×28, row-major, 0 background to 255) in
/// Fashion-MNIST's convention of a light garment on a black background.
/// </summary>
public sealed class ImageInput
{
    // Larger pictures are rejected so that a mistaken path to a huge file fails fast instead of exhausting memory.
    private const long MaxSourcePixels = 50_000_000;

    private ImageInput(byte[] pixels, int? label, string source, bool inverted)
    {
        Pixels = pixels;
        Label = label;
        Source = source;
        Inverted = inverted;
    }

    /// <summary>The 784 grey values, row-major, 0 to 255.</summary>
    public byte[] Pixels { get; }

    /// <summary>The class index from a CSV row that had a label, otherwise null.</summary>
    public int? Label { get; }

    /// <summary>Where the image came from, for messages: the file path or "file:line".</summary>
    public string Source { get; }

    /// <summary>True when the picture had a light background and was inverted.</summary>
    public bool Inverted { get; }

    /// <summary>
    /// Reads a picture file (PNG, or any other format SkiaSharp decodes: JPEG, WebP, BMP, GIF) and converts it to
    /// Fashion-MNIST's form.
    /// </summary>
    /// <remarks>
    /// Transparent pixels are first composited over white. Colours become grey with the ITU-R BT.601 luma weights
    /// (0.299 R + 0.587 G + 0.114 B). The picture is inverted when its background is light. It is then scaled so
    /// that its longer side is 28 pixels, each output pixel being the mean of the source area it covers, and
    /// centred and padded with the background grey to 28×28. The background counts as light when the mean grey of
    /// the picture's border is above 127.5. The border is a ring 1/28 of the shorter side wide, at least 1 pixel.
    /// Inverting light backgrounds is needed because Fashion-MNIST shows light garments on black, while photos
    /// and drawings usually show dark garments on white.
    /// </remarks>
    /// <exception cref="DataException">The file is missing, is not a picture, or is too large.</exception>
    public static ImageInput FromPng(string path)
    {
        if (!File.Exists(path))
            throw new DataException($"Image file '{path}' was not found. Check the path and the working folder.");

        using var codec = SKCodec.Create(path, out var result);
        if (codec is null)
            throw new DataException(
                $"'{path}' is not a picture that can be decoded ({result}). Give a PNG, JPEG, WebP, BMP or GIF file.");

        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width < 1 || height < 1 || (long)width * height > MaxSourcePixels)
            throw new DataException(
                $"'{path}' is {width}×{height} pixels, but pictures up to {MaxSourcePixels / 1_000_000} " +
                "megapixels are accepted. Crop or shrink the picture to the garment.");

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = SKBitmap.Decode(codec, info)
            ?? throw new DataException($"'{path}' could not be decoded. The file may be truncated or damaged.");

        var grey = ToGrey(bitmap.GetPixelSpan(), width * height);
        var pixels = ToFashionMnist(grey, width, height, out var inverted);
        return new ImageInput(pixels, null, path, inverted);
    }

    /// <summary>
    /// Parses one row of a Kaggle Fashion-MNIST CSV file: either 785 values (the label 0–9, then 784 pixels) or
    /// 784 pixel values, each a whole number from 0 to 255, separated by commas.
    /// </summary>
    /// <param name="line">The row's text. Surrounding white space and a trailing carriage return are ignored.</param>
    /// <param name="source">Where the row came from, used in messages, for example "test.csv:12".</param>
    /// <exception cref="DataException">The row is a header, has the wrong number of values, or has a value that
    /// is not a valid pixel or label.</exception>
    public static ImageInput FromCsvRow(string line, string source = "CSV row")
    {
        var fields = line.Trim().Split(',');
        if (fields.Length == 1 && fields[0].Trim().Length == 0)
            throw new DataException($"{source} is empty. Pass a row of 784 or 785 comma-separated numbers.");

        var first = fields[0].Trim().Trim('"');
        if (first.Equals("label", StringComparison.OrdinalIgnoreCase)
            || first.StartsWith("pixel", StringComparison.OrdinalIgnoreCase))
            throw new DataException($"{source} is the CSV header (it starts with '{first}'). Pass a data row.");

        var hasLabel = fields.Length == ImageSet.PixelsPerImage + 1;
        if (!hasLabel && fields.Length != ImageSet.PixelsPerImage)
            throw new DataException(
                $"{source} has {fields.Length} values, but {ImageSet.PixelsPerImage + 1} are expected (the label, " +
                $"then {ImageSet.PixelsPerImage} pixels, as in the Kaggle CSV files) or {ImageSet.PixelsPerImage} " +
                "(pixels only).");

        int? label = hasLabel ? ParseLabel(fields[0], source) : null;
        var offset = hasLabel ? 1 : 0;
        var pixels = new byte[ImageSet.PixelsPerImage];
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = ParsePixel(fields[offset + i], source, offset + i + 1, i + 1);

        return new ImageInput(pixels, label, source, inverted: false);
    }

    /// <summary>
    /// Converts grey values (0 black to 255 white, row-major) to Fashion-MNIST's 28×28 form as described on
    /// <see cref="FromPng"/>.
    /// </summary>
    internal static byte[] ToFashionMnist(float[] grey, int width, int height, out bool inverted)
    {
        var background = BorderMean(grey, width, height);
        inverted = background > 127.5;
        if (inverted)
        {
            for (var i = 0; i < grey.Length; i++)
                grey[i] = 255 - grey[i];
            background = 255 - background;
        }
        return FitInto28(grey, width, height, background);
    }

    private static float[] ToGrey(ReadOnlySpan<byte> rgba, int pixelCount)
    {
        var grey = new float[pixelCount];
        for (var i = 0; i < pixelCount; i++)
        {
            var r = rgba[4 * i];
            var g = rgba[4 * i + 1];
            var b = rgba[4 * i + 2];
            var alpha = rgba[4 * i + 3] / 255f;
            var luma = 0.299f * r + 0.587f * g + 0.114f * b;
            grey[i] = alpha * luma + (1 - alpha) * 255;
        }
        return grey;
    }

    private static double BorderMean(float[] grey, int width, int height)
    {
        var ring = Math.Max(1, Math.Min(width, height) / ImageSet.Width);
        double sum = 0;
        long count = 0;
        for (var y = 0; y < height; y++)
        {
            var rowInRing = y < ring || y >= height - ring;
            for (var x = 0; x < width; x++)
            {
                if (rowInRing || x < ring || x >= width - ring)
                {
                    sum += grey[y * width + x];
                    count++;
                }
            }
        }
        return sum / count;
    }

    /// <summary>
    /// Scales the longer side to 28 pixels by area averaging: each output pixel is the mean of the source area it
    /// covers, and the part of that area outside the picture counts as <paramref name="padding"/>.
    /// </summary>
    private static byte[] FitInto28(float[] grey, int width, int height, double padding)
    {
        const int size = ImageSet.Width;
        var span = (double)Math.Max(width, height) / size;
        var columns = Coverage(width, span, size);
        var rows = Coverage(height, span, size);

        var pixels = new byte[ImageSet.PixelsPerImage];
        for (var j = 0; j < size; j++)
        {
            for (var i = 0; i < size; i++)
            {
                double sum = 0;
                foreach (var (y, wy) in rows[j].Weights)
                {
                    foreach (var (x, wx) in columns[i].Weights)
                        sum += wy * wx * grey[y * width + x];
                }
                var covered = rows[j].Covered * columns[i].Covered;
                var value = (sum + padding * (span * span - covered)) / (span * span);
                pixels[j * size + i] = (byte)Math.Clamp(Math.Round(value), 0, 255);
            }
        }
        return pixels;
    }

    /// <summary>
    /// For each of the <paramref name="outputCount"/> output pixels along one axis, lists the source pixels it
    /// covers with the covered length. The picture is centred, so the overhang is split on both sides.
    /// </summary>
    private static AxisCoverage[] Coverage(int sourceLength, double span, int outputCount)
    {
        var start = (sourceLength - span * outputCount) / 2;
        var result = new AxisCoverage[outputCount];
        for (var k = 0; k < outputCount; k++)
        {
            var from = start + k * span;
            var to = from + span;
            var weights = new List<(int, double)>();
            double covered = 0;
            for (var s = Math.Max(0, (int)Math.Floor(from)); s < Math.Min(sourceLength, (int)Math.Ceiling(to)); s++)
            {
                var overlap = Math.Min(to, s + 1) - Math.Max(from, s);
                if (overlap <= 0)
                    continue;
                weights.Add((s, overlap));
                covered += overlap;
            }
            result[k] = new AxisCoverage(weights, covered);
        }
        return result;
    }

    private static int ParseLabel(string field, string source)
    {
        if (int.TryParse(field.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var label)
            && label >= 0 && label < ImageSet.ClassCount)
            return label;
        throw new DataException(
            $"{source}: the label '{field.Trim()}' in column 1 is not a class index from 0 to " +
            $"{ImageSet.ClassCount - 1}.");
    }

    private static byte ParsePixel(string field, string source, int column, int pixelNumber)
    {
        if (int.TryParse(field.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and <= 255)
            return (byte)value;
        throw new DataException(
            $"{source}: the value '{field.Trim()}' in column {column} (pixel{pixelNumber}) is not a whole number " +
            "from 0 to 255.");
    }

    private sealed record AxisCoverage(List<(int Index, double Weight)> Weights, double Covered);
}
