using FashionMnist.Data;
using FashionMnist.Reporting;
using FashionMnist.Tracking;

namespace FashionMnist.Tests.Reporting;

/// <summary>Small inputs shared by the plot tests.</summary>
internal static class PlotFixtures
{
    /// <summary>The fonts to draw with: none, and the installed font when there is one.</summary>
    public static IEnumerable<PlotFont> Fonts() =>
        new[] { PlotFont.None }.Concat(PlotFontTests.InstalledFonts.Take(1).Select(PlotFont.FromFile));

    public static EpochMetrics Epoch(int epoch, double trainLoss, double trainAccuracy, double devLoss,
        double devAccuracy) => new()
    {
        Epoch = epoch,
        TrainLoss = trainLoss,
        TrainAccuracy = trainAccuracy,
        DevLoss = devLoss,
        DevAccuracy = devAccuracy,
        LearningRate = 0.01,
        EpochSeconds = 2,
        ImagesPerSecond = 1000,
        TimestampMs = 1_700_000_000_000 + epoch,
    };

    /// <summary>A run of <paramref name="count"/> epochs with falling loss and rising accuracy.</summary>
    public static List<EpochMetrics> Run(int count, double shift = 0, bool withDev = true) =>
        Enumerable.Range(1, count)
            .Select(e => Epoch(e, 1.0 / e + 0.2 + shift, 0.9 - 0.3 / e - shift,
                withDev ? 1.1 / e + 0.25 + shift : double.NaN, withDev ? 0.88 - 0.3 / e - shift : double.NaN))
            .ToList();

    /// <summary>Images whose pixel at (row, column) is (row × 9 + column + image) mod 256, labelled 0, 1, 2, ….
    /// </summary>
    public static ImageSet Images(int count)
    {
        var pixels = new byte[count * ImageSet.PixelsPerImage];
        for (var i = 0; i < pixels.Length; i++)
        {
            var image = i / ImageSet.PixelsPerImage;
            var row = i % ImageSet.PixelsPerImage / ImageSet.Width;
            var column = i % ImageSet.Width;
            pixels[i] = (byte)((row * 9 + column + image) % 256);
        }
        var labels = Enumerable.Range(0, count).Select(i => (byte)(i % ImageSet.ClassCount)).ToArray();
        return new ImageSet(pixels, labels, "test images");
    }
}
