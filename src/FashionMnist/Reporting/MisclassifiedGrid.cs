using FashionMnist.Data;
using SkiaSharp;

namespace FashionMnist.Reporting;

/// <summary>
/// Draws a PNG grid of misclassified images, each enlarged with nearest-neighbour sampling so that its 28×28
/// pixels stay sharp, and captioned with its true class (black) and predicted class (red). Images keep their
/// Fashion-MNIST look: light garments on a black background.
/// </summary>
public sealed class MisclassifiedGrid
{
    private const float Padding = 10;
    private const float CaptionHeight = 38;
    private const float TitleHeight = 44;
    private const float CaptionSize = 12;

    /// <summary>Maximum number of images drawn, the first misclassified ones in set order. Default: 36.</summary>
    public int MaxImages { get; init; } = 36;

    /// <summary>Images per row. Default: 6.</summary>
    public int Columns { get; init; } = 6;

    /// <summary>Whole-number enlargement of each 28×28 image. Default: 4, giving 112×112 pixels.</summary>
    public int Scale { get; init; } = 4;

    /// <summary>Title drawn above the grid. Default: "Misclassified test images".</summary>
    public string Title { get; init; } = "Misclassified test images";

    /// <summary>Font for all text. Default: <see cref="PlotFont.Default"/>.</summary>
    public PlotFont Font { get; init; } = PlotFont.Default;

    /// <summary>
    /// Renders the first <see cref="MaxImages"/> images of <paramref name="images"/> whose predicted label differs
    /// from the true label as PNG bytes. When none is misclassified, the image shows a note instead.
    /// </summary>
    /// <param name="images">Labelled images, usually the test set.</param>
    /// <param name="predictedLabels">Predicted class index of each image, in the same order.</param>
    /// <exception cref="ArgumentException">The prediction count differs from the image count, or a setting is out
    /// of range.</exception>
    public byte[] RenderPng(ImageSet images, IReadOnlyList<int> predictedLabels)
    {
        CheckSettings();
        if (predictedLabels.Count != images.Count)
            throw new ArgumentException(
                $"{predictedLabels.Count} predicted labels do not match the {images.Count} images of " +
                $"{images.Source}. Pass one prediction per image.", nameof(predictedLabels));

        var selected = SelectMisclassified(images.Labels, predictedLabels, MaxImages);
        var tile = ImageSet.Width * Scale;
        var columns = Math.Clamp(selected.Count, 1, Columns);
        var rows = Math.Max(1, (selected.Count + columns - 1) / columns);
        var width = (int)Math.Max(360, columns * (tile + Padding) + Padding);
        var height = (int)(TitleHeight + rows * (tile + CaptionHeight + Padding) + Padding);

        using var surface = PngFile.CreateSurface(width, height, "misclassified-image grid");
        var canvas = surface.Canvas;
        var text = new PlotText(Font);
        var title = $"{Title} ({selected.Count} of {CountMisclassified(images.Labels, predictedLabels)})";
        text.Draw(canvas, title, width / 2f, 28, 17, PlotColors.Text, SKTextAlign.Center, bold: true);
        if (selected.Count == 0)
            text.DrawMiddle(canvas, "No misclassified images", width / 2f, TitleHeight + tile / 2f, 14,
                PlotColors.Muted, SKTextAlign.Center);

        for (var i = 0; i < selected.Count; i++)
        {
            var (x, y) = TileOrigin(i, columns, Scale);
            var index = selected[i];
            DrawImage(canvas, images, index, new SKRect(x, y, x + tile, y + tile));
            DrawCaption(canvas, text, x, y + tile, tile, images.Labels[index], predictedLabels[index]);
        }

        return PngFile.Encode(surface);
    }

    /// <summary>Renders the grid and writes it to <paramref name="path"/>, creating its folder.</summary>
    public void Save(ImageSet images, IReadOnlyList<int> predictedLabels, string path) =>
        PngFile.Write(RenderPng(images, predictedLabels), path);

    /// <summary>Returns the top-left pixel of the image at <paramref name="position"/> in the grid.</summary>
    internal static (float X, float Y) TileOrigin(int position, int columns, int scale)
    {
        var tile = ImageSet.Width * scale;
        return (Padding + position % columns * (tile + Padding),
            TitleHeight + position / columns * (tile + CaptionHeight + Padding));
    }

    /// <summary>Returns the indices of the first <paramref name="max"/> images whose prediction is wrong.</summary>
    internal static List<int> SelectMisclassified(byte[] labels, IReadOnlyList<int> predicted, int max)
    {
        var selected = new List<int>();
        for (var i = 0; i < labels.Length && selected.Count < max; i++)
        {
            if (labels[i] != predicted[i])
                selected.Add(i);
        }
        return selected;
    }

    private static int CountMisclassified(byte[] labels, IReadOnlyList<int> predicted) =>
        Enumerable.Range(0, labels.Length).Count(i => labels[i] != predicted[i]);

    private static void DrawImage(SKCanvas canvas, ImageSet images, int index, SKRect target)
    {
        var info = new SKImageInfo(ImageSet.Width, ImageSet.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        var pixels = new ReadOnlySpan<byte>(images.Pixels, index * ImageSet.PixelsPerImage, ImageSet.PixelsPerImage);
        using var data = SKData.CreateCopy(pixels);
        using var image = SKImage.FromPixels(info, data, info.RowBytes);
        using var paint = new SKPaint { IsAntialias = false };
        canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None), paint);
    }

    private static void DrawCaption(SKCanvas canvas, PlotText text, float x, float top, float width, int truth,
        int predicted)
    {
        var names = ImageSet.ClassNames;
        text.Draw(canvas, Fit(text, "true: " + NameOf(names, truth), width), x, top + 15, CaptionSize,
            PlotColors.Text);
        text.Draw(canvas, Fit(text, "pred: " + NameOf(names, predicted), width), x, top + 31, CaptionSize,
            PlotColors.Error);
    }

    private static string NameOf(IReadOnlyList<string> names, int label) =>
        label >= 0 && label < names.Count ? names[label] : $"class {label}";

    private static string Fit(PlotText text, string caption, float width)
    {
        while (caption.Length > 1 && text.Measure(caption, CaptionSize) > width)
            caption = caption[..^1];
        return caption;
    }

    private void CheckSettings()
    {
        if (MaxImages < 1 || MaxImages > 1000)
            throw new ArgumentException($"MaxImages is {MaxImages}. Use 1 to 1000.");
        if (Columns < 1 || Columns > 50)
            throw new ArgumentException($"Columns is {Columns}. Use 1 to 50.");
        if (Scale < 1 || Scale > 16)
            throw new ArgumentException($"Scale is {Scale}. Use a whole number from 1 to 16.");
    }
}
