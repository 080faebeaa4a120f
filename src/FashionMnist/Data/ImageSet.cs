namespace FashionMnist.Data;

/// <summary>
/// Labelled 28×28 grey images held as bytes: <see cref="Pixels"/> has 784 values per image in row-major
/// order, 0 (background) to 255, and <see cref="Labels"/> one class index 0–9 per image.
/// </summary>
public sealed class ImageSet
{
    public const int Height = 28;
    public const int Width = 28;
    public const int PixelsPerImage = Height * Width;
    public const int ClassCount = 10;

    public ImageSet(byte[] pixels, byte[] labels, string source)
    {
        if (pixels.Length != labels.Length * PixelsPerImage)
            throw new ArgumentException(
                $"{source}: {pixels.Length} pixel values do not make {labels.Length} images of {PixelsPerImage} pixels.");
        Pixels = pixels;
        Labels = labels;
        Source = source;
    }

    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    /// <summary>Where the images came from, for messages: a file path or a description.</summary>
    public string Source { get; }

    public int Count => Labels.Length;

    /// <summary>Returns the images at <paramref name="indices"/>, in that order, as a new set.</summary>
    public ImageSet Select(IReadOnlyList<int> indices, string source)
    {
        var pixels = new byte[indices.Count * PixelsPerImage];
        var labels = new byte[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var row = indices[i];
            Array.Copy(Pixels, (long)row * PixelsPerImage, pixels, (long)i * PixelsPerImage, PixelsPerImage);
            labels[i] = Labels[row];
        }
        return new ImageSet(pixels, labels, source);
    }

    /// <summary>The class names of Fashion-MNIST, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];
}
