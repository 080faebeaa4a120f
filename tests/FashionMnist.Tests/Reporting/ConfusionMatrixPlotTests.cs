using FashionMnist.Data;
using FashionMnist.Reporting;

namespace FashionMnist.Tests.Reporting;

public class ConfusionMatrixPlotTests
{
    /// <summary>Diagonal 100, first row 0, 10, 20, …, other cells 1.</summary>
    private static int[][] Matrix()
    {
        var matrix = Enumerable.Range(0, 10).Select(_ => Enumerable.Repeat(1, 10).ToArray()).ToArray();
        for (var i = 0; i < 10; i++)
        {
            matrix[i][i] = 100;
            matrix[0][i] = i * 10;
        }
        matrix[0][0] = 0;
        return matrix;
    }

    [Fact]
    public void Render_SizeAndContent()
    {
        foreach (var font in PlotFixtures.Fonts())
        {
            var png = new DecodedPng(new ConfusionMatrixPlot { Font = font }.RenderPng(Matrix()));

            Assert.Equal(900, png.Width);
            Assert.Equal(820, png.Height);
            Assert.True(png.LumaVariance() > 500, $"variance {png.LumaVariance()} with font {font.Path}");
        }
    }

    [Fact]
    public void CellBrightness_FallsWithCount()
    {
        foreach (var font in PlotFixtures.Fonts())
        {
            var plot = new ConfusionMatrixPlot { Font = font };
            var png = new DecodedPng(plot.RenderPng(Matrix()));

            // Row 0 contains the counts 0, 10, …, 90 in order.
            // Each cell is sampled at its corner, away from its number.
            var lumas = Enumerable.Range(0, 10).Select(column =>
            {
                var cell = plot.GetCellRect(0, column, ImageSet.ClassNames);
                return DecodedPng.Luma(png[(int)cell.Left + 3, (int)cell.Top + 3]);
            }).ToList();
            var diagonal = plot.GetCellRect(5, 5, ImageSet.ClassNames);
            var darkest = DecodedPng.Luma(png[(int)diagonal.Left + 3, (int)diagonal.Top + 3]);

            for (var i = 1; i < lumas.Count; i++)
                Assert.True(lumas[i] < lumas[i - 1], $"cell {i} luma {lumas[i]}, cell {i - 1} {lumas[i - 1]}");
            Assert.True(darkest < lumas[^1]);
            Assert.True(lumas[0] > 240, $"empty cell luma {lumas[0]}");
        }
    }

    [Fact]
    public void Numbers_DrawnInCells()
    {
        if (PlotFontTests.InstalledFonts.Length == 0)
            return; // Needs fonts-dejavu-core; cell colours are covered above.
        var font = PlotFont.FromFile(PlotFontTests.InstalledFonts[0]);
        var plot = new ConfusionMatrixPlot { Font = font };
        var png = new DecodedPng(plot.RenderPng(Matrix()));

        // The diagonal cells are dark blue with a white number in the middle.
        var cell = plot.GetCellRect(3, 3, ImageSet.ClassNames);
        var whitePixels = 0;
        for (var y = (int)cell.Top + 2; y < (int)cell.Bottom - 2; y++)
        {
            for (var x = (int)cell.Left + 2; x < (int)cell.Right - 2; x++)
            {
                if (DecodedPng.Luma(png[x, y]) > 200)
                    whitePixels++;
            }
        }
        Assert.True(whitePixels > 20, $"{whitePixels} light pixels in a dark cell");
    }

    [Fact]
    public void Report_SameAsMatrix()
    {
        var report = ClassificationReport.FromConfusionMatrix(Matrix());
        var plot = new ConfusionMatrixPlot { Font = PlotFont.None };

        Assert.Equal(plot.RenderPng(Matrix()), plot.RenderPng(report));
    }

    [Fact]
    public void AllZero_Renders()
    {
        var zeros = Enumerable.Range(0, 10).Select(_ => new int[10]).ToArray();

        var png = new DecodedPng(new ConfusionMatrixPlot { Font = PlotFont.None }.RenderPng(zeros));

        Assert.Equal(900, png.Width);
    }

    [Fact]
    public void WrongShape_Rejected()
    {
        var matrix = Enumerable.Range(0, 9).Select(_ => new int[9]).ToArray();

        var error = Assert.Throws<ArgumentException>(() => new ConfusionMatrixPlot().RenderPng(matrix));

        Assert.Contains("10×10", error.Message);
    }

    [Fact]
    public void Save_WritesPng()
    {
        using var folder = new TempFolder();
        var path = folder.File("confusion.png");

        new ConfusionMatrixPlot { Font = PlotFont.None, Width = 500, Height = 450 }.Save(Matrix(), path);

        var png = new DecodedPng(File.ReadAllBytes(path));
        Assert.Equal(500, png.Width);
        Assert.Equal(450, png.Height);
    }
}
