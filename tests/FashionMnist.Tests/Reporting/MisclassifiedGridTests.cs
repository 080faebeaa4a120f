using FashionMnist.Data;
using FashionMnist.Reporting;

namespace FashionMnist.Tests.Reporting;

public class MisclassifiedGridTests
{
    [Fact]
    public void Render_SizeFollowsCount()
    {
        var images = PlotFixtures.Images(10);
        var predicted = images.Labels.Select(l => (int)l).ToArray();
        predicted[2] = 5;
        predicted[7] = 0;

        var png = new DecodedPng(new MisclassifiedGrid { Font = PlotFont.None }.RenderPng(images, predicted));

        // Two tiles in one row: 112-pixel images with 10-pixel gaps, but at least 360 wide for the title.
        Assert.Equal(360, png.Width);
        Assert.Equal(44 + 112 + 38 + 10 + 10, png.Height);
    }

    [Fact]
    public void Render_UpscalesCrisply()
    {
        var images = PlotFixtures.Images(6);
        var predicted = images.Labels.Select(l => (l + 1) % 10).ToArray();
        var grid = new MisclassifiedGrid { Font = PlotFont.None, Columns = 3, Scale = 4 };

        var png = new DecodedPng(grid.RenderPng(images, predicted));

        // Every source pixel becomes a 4×4 block of exactly its grey value.
        foreach (var position in new[] { 0, 4 })
        {
            var (left, top) = MisclassifiedGrid.TileOrigin(position, 3, 4);
            foreach (var (row, column) in new[] { (0, 0), (5, 17), (27, 27), (13, 2) })
            {
                var expected = images.Pixels[position * ImageSet.PixelsPerImage + row * 28 + column];
                for (var dy = 0; dy < 4; dy++)
                {
                    for (var dx = 0; dx < 4; dx++)
                    {
                        var pixel = png[(int)left + column * 4 + dx, (int)top + row * 4 + dy];
                        Assert.Equal(expected, pixel.Red);
                        Assert.Equal(expected, pixel.Green);
                    }
                }
            }
        }
    }

    [Fact]
    public void Render_LimitsImageCount()
    {
        var images = PlotFixtures.Images(30);
        var predicted = images.Labels.Select(l => (l + 1) % 10).ToArray();

        var png = new DecodedPng(new MisclassifiedGrid { Font = PlotFont.None, MaxImages = 8, Columns = 4 }
            .RenderPng(images, predicted));

        Assert.Equal(4 * 122 + 10, png.Width);
        Assert.Equal(44 + 2 * 160 + 10, png.Height);
    }

    [Fact]
    public void SelectMisclassified_FirstInOrder()
    {
        byte[] labels = [0, 1, 2, 3, 4, 5];
        int[] predicted = [0, 9, 2, 8, 7, 5];

        Assert.Equal([1, 3], MisclassifiedGrid.SelectMisclassified(labels, predicted, 2));
        Assert.Equal([1, 3, 4], MisclassifiedGrid.SelectMisclassified(labels, predicted, 10));
    }

    [Fact]
    public void Captions_DrawnWithFont()
    {
        if (PlotFontTests.InstalledFonts.Length == 0)
            return; // Needs fonts-dejavu-core; the images are covered above.
        var images = PlotFixtures.Images(3);
        var predicted = new[] { 1, 2, 0 };
        var withText = new MisclassifiedGrid { Font = PlotFont.FromFile(PlotFontTests.InstalledFonts[0]) };

        var png = new DecodedPng(withText.RenderPng(images, predicted));
        var plain = new DecodedPng(new MisclassifiedGrid { Font = PlotFont.None }.RenderPng(images, predicted));

        // Predicted-class captions are red.
        Assert.True(png.Count(new SkiaSharp.SKColor(0xC0, 0x1C, 0x1C), 40) > 50);
        Assert.True(png.DifferingPixels(plain) > 500);
    }

    [Fact]
    public void NoneMisclassified_Renders()
    {
        var images = PlotFixtures.Images(4);

        var png = new DecodedPng(new MisclassifiedGrid { Font = PlotFont.None }
            .RenderPng(images, images.Labels.Select(l => (int)l).ToArray()));

        Assert.Equal(360, png.Width);
    }

    [Fact]
    public void PredictionCount_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new MisclassifiedGrid().RenderPng(PlotFixtures.Images(4), [0, 1, 2]));

        Assert.Contains("3 predicted labels", error.Message);
        Assert.Contains("test images", error.Message);
    }

    [Fact]
    public void Scale_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new MisclassifiedGrid { Scale = 0 }.RenderPng(PlotFixtures.Images(1), [3]));

        Assert.Contains("Scale is 0", error.Message);
    }
}
