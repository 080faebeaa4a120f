using FashionMnist.Data;
using FashionMnist.Reporting;
using SkiaSharp;

namespace FashionMnist.Tests.Reporting;

public class ImageInputTests
{
    /// <summary>Writes a PNG of the given size: <paramref name="background"/>, with <paramref name="garment"/>
    /// filling <paramref name="rect"/>.</summary>
    private static string WritePng(TempFolder folder, string name, int width, int height, SKColor background,
        SKColor garment, SKRect rect)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background);
            using var paint = new SKPaint { Color = garment, IsAntialias = false, BlendMode = SKBlendMode.Src };
            canvas.DrawRect(rect, paint);
        }
        var path = folder.File(name);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    private static byte At(ImageInput input, int row, int column) => input.Pixels[row * ImageSet.Width + column];

    [Fact]
    public void FromPng_DarkOnLightInverted()
    {
        using var folder = new TempFolder();
        var path = WritePng(folder, "shirt.png", 56, 56, SKColors.White, SKColors.Black, new SKRect(14, 14, 42, 42));

        var input = ImageInput.FromPng(path);

        Assert.True(input.Inverted);
        Assert.Equal(ImageSet.PixelsPerImage, input.Pixels.Length);
        Assert.Equal(0, At(input, 0, 0));
        Assert.Equal(0, At(input, 27, 27));
        Assert.Equal(255, At(input, 14, 14));
        Assert.Equal(255, At(input, 7, 7));
        Assert.Equal(0, At(input, 6, 14));
        Assert.Null(input.Label);
        Assert.Equal(path, input.Source);
    }

    [Fact]
    public void FromPng_LightOnDarkKept()
    {
        using var folder = new TempFolder();
        var grey = new SKColor(200, 200, 200);
        var path = WritePng(folder, "bag.png", 28, 28, SKColors.Black, grey, new SKRect(4, 10, 20, 26));

        var input = ImageInput.FromPng(path);

        Assert.False(input.Inverted);
        for (var row = 0; row < 28; row++)
        {
            for (var column = 0; column < 28; column++)
            {
                var inside = row is >= 10 and < 26 && column is >= 4 and < 20;
                Assert.Equal(inside ? 200 : 0, At(input, row, column));
            }
        }
    }

    [Fact]
    public void FromPng_NonSquareFittedAndCentred()
    {
        using var folder = new TempFolder();
        // 112×56 scales by 1/4 to 28×14, centred in rows 7–20; the garment covers x 8–104 and y 8–48.
        var path = WritePng(folder, "wide.png", 112, 56, SKColors.Black, SKColors.White, new SKRect(8, 8, 104, 48));

        var input = ImageInput.FromPng(path);

        Assert.False(input.Inverted);
        Assert.Equal(255, At(input, 14, 14));
        Assert.Equal(255, At(input, 9, 2));
        Assert.Equal(255, At(input, 18, 25));
        Assert.Equal(0, At(input, 8, 14));
        Assert.Equal(0, At(input, 19, 14));
        Assert.Equal(0, At(input, 3, 14));
        Assert.Equal(0, At(input, 24, 14));
        Assert.Equal(0, At(input, 14, 1));
    }

    [Fact]
    public void FromPng_DownscaleAverages()
    {
        using var folder = new TempFolder();
        // Left half white, right half black at 2× scale: output column 13 is white, 14 black.
        var path = WritePng(folder, "halves.png", 56, 56, SKColors.Black, SKColors.White, new SKRect(0, 0, 28, 56));

        var input = ImageInput.FromPng(path);

        Assert.Equal(255, At(input, 5, 13));
        Assert.Equal(0, At(input, 5, 14));
    }

    [Fact]
    public void FromPng_TransparentBackgroundCountsAsWhite()
    {
        using var folder = new TempFolder();
        var path = WritePng(folder, "cutout.png", 28, 28, SKColors.Transparent, SKColors.Black,
            new SKRect(8, 8, 20, 20));

        var input = ImageInput.FromPng(path);

        Assert.True(input.Inverted);
        Assert.Equal(0, At(input, 0, 0));
        Assert.Equal(255, At(input, 10, 10));
    }

    [Fact]
    public void FromPng_ColourToGrey()
    {
        using var folder = new TempFolder();
        var path = WritePng(folder, "red.png", 28, 28, SKColors.Black, new SKColor(255, 0, 0),
            new SKRect(0, 10, 28, 18));

        var input = ImageInput.FromPng(path);

        Assert.Equal(76, At(input, 12, 12)); // 0.299 × 255
    }

    [Fact]
    public void FromPng_MissingFileNamed()
    {
        var error = Assert.Throws<DataException>(() => ImageInput.FromPng("/no/such/image.png"));

        Assert.Contains("/no/such/image.png", error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void FromPng_NotAnImageNamed()
    {
        using var folder = new TempFolder();
        var path = folder.File("notes.png");
        File.WriteAllText(path, "label,pixel1\n");

        var error = Assert.Throws<DataException>(() => ImageInput.FromPng(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not a picture", error.Message);
    }

    [Fact]
    public void FromCsvRow_WithLabel()
    {
        var pixels = Enumerable.Range(0, 784).Select(i => i % 256).ToArray();
        var line = "7," + string.Join(",", pixels) + "\r";

        var input = ImageInput.FromCsvRow(line);

        Assert.Equal(7, input.Label);
        Assert.Equal(pixels.Select(p => (byte)p).ToArray(), input.Pixels);
    }

    [Fact]
    public void FromCsvRow_WithoutLabel()
    {
        var line = string.Join(", ", Enumerable.Repeat("12", 784));

        var input = ImageInput.FromCsvRow(line, "rows.csv:3");

        Assert.Null(input.Label);
        Assert.All(input.Pixels, p => Assert.Equal(12, p));
        Assert.Equal("rows.csv:3", input.Source);
    }

    [Fact]
    public void FromCsvRow_WrongCountNamed()
    {
        var line = string.Join(",", Enumerable.Repeat("0", 783));

        var error = Assert.Throws<DataException>(() => ImageInput.FromCsvRow(line, "test.csv:2"));

        Assert.Contains("test.csv:2 has 783 values", error.Message);
        Assert.Contains("785", error.Message);
    }

    [Fact]
    public void FromCsvRow_BadPixelNamed()
    {
        var values = Enumerable.Repeat("0", 785).ToArray();
        values[10] = "256";

        var error = Assert.Throws<DataException>(() => ImageInput.FromCsvRow(string.Join(",", values), "t.csv:9"));

        Assert.Contains("'256'", error.Message);
        Assert.Contains("column 11 (pixel10)", error.Message);
        Assert.Contains("t.csv:9", error.Message);
    }

    [Fact]
    public void FromCsvRow_BadLabelNamed()
    {
        var line = "10," + string.Join(",", Enumerable.Repeat("0", 784));

        var error = Assert.Throws<DataException>(() => ImageInput.FromCsvRow(line));

        Assert.Contains("label '10'", error.Message);
    }

    [Fact]
    public void FromCsvRow_HeaderRejected()
    {
        var header = "label," + string.Join(",", Enumerable.Range(1, 784).Select(i => "pixel" + i));

        var error = Assert.Throws<DataException>(() => ImageInput.FromCsvRow(header, "fashion-mnist_test.csv:1"));

        Assert.Contains("header", error.Message);
    }

    [Fact]
    public void FromCsvRow_EmptyRejected()
    {
        Assert.Throws<DataException>(() => ImageInput.FromCsvRow("  "));
    }
}
