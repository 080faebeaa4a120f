using FashionMnist.Reporting;
using SkiaSharp;

namespace FashionMnist.Tests.Reporting;

public class LearningCurvePlotTests
{
    private static readonly SKColor Blue = new(0x1F, 0x77, 0xB4);
    private static readonly SKColor Orange = new(0xFF, 0x7F, 0x0E);
    private static readonly SKColor Green = new(0x2C, 0xA0, 0x2C);

    [Fact]
    public void SingleRun_SizeAndContent()
    {
        foreach (var font in PlotFixtures.Fonts())
        {
            var png = new DecodedPng(new LearningCurvePlot { Font = font }.RenderPng(PlotFixtures.Run(10)));

            Assert.Equal(1200, png.Width);
            Assert.Equal(500, png.Height);
            Assert.True(png.LumaVariance() > 200, $"variance {png.LumaVariance()} with font {font.Path}");
            Assert.True(png.Count(Blue) > 500, $"train colour: {png.Count(Blue)} pixels");
            Assert.True(png.Count(Orange) > 500, $"dev colour: {png.Count(Orange)} pixels");
        }
    }

    [Fact]
    public void CustomSize()
    {
        var png = new DecodedPng(new LearningCurvePlot { Width = 800, Height = 300, Font = PlotFont.None }
            .RenderPng(PlotFixtures.Run(3)));

        Assert.Equal(800, png.Width);
        Assert.Equal(300, png.Height);
    }

    [Fact]
    public void SingleEpoch_DrawsDots()
    {
        var png = new DecodedPng(new LearningCurvePlot { Font = PlotFont.None }.RenderPng(PlotFixtures.Run(1)));

        // Legend swatches alone have about 100 pixels per colour; the dots in both panels add more.
        Assert.True(png.Count(Blue) > 120, $"train colour: {png.Count(Blue)} pixels");
        Assert.True(png.Count(Orange) > 120, $"dev colour: {png.Count(Orange)} pixels");
    }

    [Fact]
    public void NaNDev_Skipped()
    {
        var plot = new LearningCurvePlot { Font = PlotFont.None };

        var withDev = new DecodedPng(plot.RenderPng(PlotFixtures.Run(8)));
        var withoutDev = new DecodedPng(plot.RenderPng(PlotFixtures.Run(8, withDev: false)));

        Assert.True(withoutDev.Count(Orange) < 150, $"dev colour without dev: {withoutDev.Count(Orange)} pixels");
        Assert.True(withDev.Count(Orange) > withoutDev.Count(Orange) + 500);
        Assert.True(withoutDev.Count(Blue) > 500);
    }

    [Fact]
    public void NaNInMiddle_LeavesGap()
    {
        var plot = new LearningCurvePlot { Font = PlotFont.None };
        var withNaN = PlotFixtures.Run(6);
        withNaN[2] = withNaN[2] with { TrainLoss = double.NaN, TrainAccuracy = double.NaN };
        var bridged = withNaN.Where(m => m.Epoch != 3).ToList();

        var gap = new DecodedPng(plot.RenderPng(withNaN)).Count(Blue);
        var line = new DecodedPng(plot.RenderPng(bridged)).Count(Blue);

        // The gap drops the segments 2–3–4 that the bridged run draws straight from 2 to 4, but keeps the rest.
        Assert.True(gap < line - 100, $"gap {gap} pixels, bridged {line}");
        Assert.True(gap > line * 0.6, $"gap {gap} pixels, bridged {line}");
    }

    [Fact]
    public void SeveralRuns_OneColourEach()
    {
        var runs = new[]
        {
            new LearningCurveSeries("baseline", PlotFixtures.Run(10)),
            new LearningCurveSeries("wide", PlotFixtures.Run(6, shift: 0.05)),
            new LearningCurveSeries("deep", PlotFixtures.Run(8, shift: -0.05)),
        };

        var png = new DecodedPng(new LearningCurvePlot { Font = PlotFont.None }.RenderPng(runs));

        Assert.True(png.Count(Blue) > 500, $"run 1: {png.Count(Blue)} pixels");
        Assert.True(png.Count(Orange) > 300, $"run 2: {png.Count(Orange)} pixels");
        Assert.True(png.Count(Green) > 300, $"run 3: {png.Count(Green)} pixels");
    }

    [Fact]
    public void Text_DrawnWithFont()
    {
        if (PlotFontTests.InstalledFonts.Length == 0)
            return; // Needs fonts-dejavu-core; drawing without a font is covered above.
        var epochs = PlotFixtures.Run(5);

        var withoutText = new DecodedPng(new LearningCurvePlot { Font = PlotFont.None }.RenderPng(epochs));
        var withText = new DecodedPng(new LearningCurvePlot
        {
            Font = PlotFont.FromFile(PlotFontTests.InstalledFonts[0]),
        }.RenderPng(epochs));

        Assert.True(withText.DifferingPixels(withoutText) > 2000);
    }

    [Fact]
    public void NoEpochs_StillRenders()
    {
        var noEpochs = Array.Empty<FashionMnist.Tracking.EpochMetrics>();

        var png = new DecodedPng(new LearningCurvePlot { Font = PlotFont.None }.RenderPng(noEpochs));

        Assert.Equal(1200, png.Width);
        Assert.True(png.LumaVariance() > 10);
    }

    [Fact]
    public void NoRuns_Rejected()
    {
        var plot = new LearningCurvePlot();

        Assert.Throws<ArgumentException>(() => plot.RenderPng(Array.Empty<LearningCurveSeries>()));
    }

    [Fact]
    public void TooSmall_Rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new LearningCurvePlot { Width = 100 }.RenderPng(PlotFixtures.Run(2)));

        Assert.Contains("100×500", error.Message);
    }

    [Fact]
    public void Save_WritesPng()
    {
        using var folder = new TempFolder();
        var path = folder.File("plots/curves.png");

        new LearningCurvePlot { Font = PlotFont.None }.Save(PlotFixtures.Run(4), path);

        Assert.Equal(1200, new DecodedPng(File.ReadAllBytes(path)).Width);
    }
}
