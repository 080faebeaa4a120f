using FashionMnist.Data;

namespace FashionMnist.Tests.Data;

public sealed class IdxCsvConverterTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ImageSet _set = TestImages.Create(7);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void IdxToCsvToIdxIsBitExact()
    {
        var images = _directory.Write("a-images-idx3-ubyte", TestImages.ImagesIdx(_set));
        var labels = _directory.Write("a-labels-idx1-ubyte", TestImages.LabelsIdx(_set));
        var csv = _directory.File("a.csv");

        var written = IdxCsvConverter.ConvertIdxToCsv(images, csv);
        IdxCsvConverter.ConvertCsvToIdx(csv, _directory.File("b-images-idx3-ubyte"));

        Assert.Equal(7, written);
        Assert.Equal(File.ReadAllBytes(images), File.ReadAllBytes(_directory.File("b-images-idx3-ubyte")));
        Assert.Equal(File.ReadAllBytes(labels), File.ReadAllBytes(_directory.File("b-labels-idx1-ubyte")));
    }

    [Fact]
    public void CsvMatchesKaggleLayout()
    {
        var images = _directory.Write("a-images-idx3-ubyte.gz", TestImages.Gzip(TestImages.ImagesIdx(_set)));
        _directory.Write("a-labels-idx1-ubyte.gz", TestImages.Gzip(TestImages.LabelsIdx(_set)));
        var csv = _directory.File("a.csv");

        IdxCsvConverter.ConvertIdxToCsv(images, csv);

        Assert.Equal(TestImages.Csv(_set), File.ReadAllText(csv));
    }

    [Fact]
    public void CsvToGzipIdxToCsvIsBitExact()
    {
        var csv = _directory.Write("in.csv", TestImages.Csv(_set));
        var images = _directory.File("out-images-idx3-ubyte.gz");

        IdxCsvConverter.ConvertCsvToIdx(csv, images, _directory.File("out-labels.gz"));
        IdxCsvConverter.ConvertIdxToCsv(images, _directory.File("back.csv"), _directory.File("out-labels.gz"));

        Assert.Equal(File.ReadAllBytes(csv), File.ReadAllBytes(_directory.File("back.csv")));
        Assert.Equal(new byte[] { 0x1f, 0x8b }, File.ReadAllBytes(images)[..2]);
        Assert.Equal(TestImages.ImagesIdx(_set), TestImages.Gunzip(File.ReadAllBytes(images)));
        var labels = File.ReadAllBytes(_directory.File("out-labels.gz"));
        Assert.Equal(TestImages.LabelsIdx(_set), TestImages.Gunzip(labels));
    }

    [Fact]
    public void GzipCsvOutput()
    {
        var images = _directory.Write("a-images-idx3-ubyte", TestImages.ImagesIdx(_set));
        _directory.Write("a-labels-idx1-ubyte", TestImages.LabelsIdx(_set));

        IdxCsvConverter.ConvertIdxToCsv(images, _directory.File("a.csv.gz"));

        Assert.Equal(TestImages.Csv(_set), System.Text.Encoding.ASCII.GetString(
            TestImages.Gunzip(File.ReadAllBytes(_directory.File("a.csv.gz")))));
    }

    [Fact]
    public void FailedConversionLeavesNoOutput()
    {
        var csv = _directory.Write("bad.csv", TestImages.CsvHeader + "\n1,2,3\n");
        var images = _directory.File("out-images-idx3-ubyte");

        Assert.Throws<DataException>(() => IdxCsvConverter.ConvertCsvToIdx(csv, images));

        Assert.Equal(["bad.csv"], Directory.GetFiles(_directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void LabelsNameNeeded()
    {
        var csv = _directory.Write("in.csv", TestImages.Csv(_set));
        var output = _directory.File("x.idx");

        var error = Assert.Throws<ArgumentException>(() => IdxCsvConverter.ConvertCsvToIdx(csv, output));

        Assert.Contains("'images'", error.Message);
    }
}
