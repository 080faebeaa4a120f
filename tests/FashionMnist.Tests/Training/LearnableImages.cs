using FashionMnist.Data;

namespace FashionMnist.Tests.Training;

/// <summary>
/// Tiny image sets a model can learn in a few epochs: class k is a bright 6×6 square at a position that depends
/// on k, over seeded noise. Files are written in the Kaggle CSV layout.
/// </summary>
internal static class LearnableImages
{
    public static ImageSet Create(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * ImageSet.PixelsPerImage];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var label = (byte)random.Next(ImageSet.ClassCount);
            labels[i] = label;
            var image = pixels.AsSpan(i * ImageSet.PixelsPerImage, ImageSet.PixelsPerImage);
            for (var p = 0; p < image.Length; p++)
                image[p] = (byte)random.Next(0, 60);
            var top = 2 + label / 5 * 12 + random.Next(0, 3);
            var left = 1 + label % 5 * 5 + random.Next(0, 2);
            for (var y = top; y < top + 6; y++)
                for (var x = left; x < Math.Min(28, left + 6); x++)
                    image[y * 28 + x] = (byte)random.Next(200, 256);
        }
        return new ImageSet(pixels, labels, "learnable");
    }

    /// <summary>Writes fashion-mnist_train.csv and fashion-mnist_test.csv into <paramref name="directory"/>.</summary>
    public static void WriteCsv(string directory, int trainCount = 300, int testCount = 100, int seed = 1)
    {
        Directory.CreateDirectory(directory);
        IdxCsvConverter.WriteCsv(Create(trainCount, seed), Path.Combine(directory, "fashion-mnist_train.csv"));
        IdxCsvConverter.WriteCsv(Create(testCount, seed + 1000), Path.Combine(directory, "fashion-mnist_test.csv"));
    }
}
