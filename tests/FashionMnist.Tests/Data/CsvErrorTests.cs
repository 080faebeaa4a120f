using FashionMnist.Data;
using FashionMnist.Experiments;

namespace FashionMnist.Tests.Data;

public sealed class CsvErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CsvDatasetReader _reader = new(new DatasetLocator(_ => null, []));
    private readonly ImageSet _set = TestImages.Create(4);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void MissingFile()
    {
        var path = _directory.File("nothing.csv");

        DataAssert.Fails(() => Read(path), "data.train", path, "not found");
    }

    [Fact]
    public void EmptyFile()
    {
        var path = _directory.Write("empty.csv", "");

        DataAssert.Fails(() => Read(path), path, "empty (0 bytes)");
    }

    [Fact]
    public void OnlyBlankLines()
    {
        var path = _directory.Write("blank.csv", "\n\n\n");

        DataAssert.Fails(() => Read(path), path, "no lines", "label,pixel1,...,pixel784");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IdxFileGivenToCsvReader(bool gzip)
    {
        var idx = TestImages.ImagesIdx(_set);
        var path = _directory.Write("train-images-idx3-ubyte", gzip ? TestImages.Gzip(idx) : idx);

        DataAssert.Fails(() => Read(path), path, "line 1", "binary, not CSV text", "data.format: idx");
    }

    [Fact]
    public void MissingHeader()
    {
        var path = _directory.Write("noheader.csv", TestImages.CsvLine(_set, 0) + "\n");

        DataAssert.Fails(() => Read(path), path, "line 1", "missing header", $"'{_set.Labels[0]}'",
            "Add the header");
    }

    [Fact]
    public void HeaderColumnRenamed()
    {
        var header = TestImages.CsvHeader.Replace("pixel2,", "pixel_2,");
        var path = _directory.Write("renamed.csv", header + "\n" + TestImages.CsvLine(_set, 0) + "\n");

        DataAssert.Fails(() => Read(path), path, "line 1", "header column 3", "'pixel_2'", "expected 'pixel2'");
    }

    [Fact]
    public void HeaderTooShort()
    {
        var header = TestImages.CsvHeader[..TestImages.CsvHeader.LastIndexOf(',')];
        var path = _directory.Write("short.csv", header + "\n");

        DataAssert.Fails(() => Read(path), path, "line 1", "784 columns", "expected 785");
    }

    [Fact]
    public void HeaderWithExtraColumn()
    {
        var path = _directory.Write("extra.csv", TestImages.CsvHeader + ",pixel785\n");

        DataAssert.Fails(() => Read(path), path, "line 1", "786 columns", "expected 785");
    }

    [Fact]
    public void HeaderOnly()
    {
        var path = _directory.Write("headeronly.csv", TestImages.CsvHeader + "\n");

        DataAssert.Fails(() => Read(path), path, "header but no images");
    }

    [Fact]
    public void LineWithMissingField()
    {
        var text = TestImages.Csv(_set);
        var lines = text.Split('\n');
        lines[3] = lines[3][..lines[3].LastIndexOf(',')];
        var path = _directory.Write("fields.csv", string.Join('\n', lines));

        DataAssert.Fails(() => Read(path), path, "line 4", "784 fields", "expected 785");
    }

    [Fact]
    public void LineWithExtraField()
    {
        var path = WriteWithField(row: 1, field: 784, "0,0");

        DataAssert.Fails(() => Read(path), path, "line 3", "786 fields", "expected 785");
    }

    [Theory]
    [InlineData("abc", "'abc' is not an integer")]
    [InlineData("12.5", "'12.5' is not an integer")]
    [InlineData("", "'' is not an integer")]
    [InlineData(" 7", "' 7' is not an integer")]
    [InlineData("256", "pixel 256 is outside 0-255")]
    [InlineData("-1", "pixel -1 is outside 0-255")]
    [InlineData("99999999999999999999", "pixel 99999999999999999999 is outside 0-255")]
    public void BadPixel(string value, string problem)
    {
        var path = WriteWithField(row: 2, field: 100, value);

        DataAssert.Fails(() => Read(path), path, "line 4", "column 101 (pixel100)", problem);
    }

    [Theory]
    [InlineData("10", "label 10 is outside 0-9")]
    [InlineData("-3", "label -3 is outside 0-9")]
    [InlineData("T-shirt", "label 'T-shirt' is not an integer")]
    public void BadLabel(string value, string problem)
    {
        var path = WriteWithField(row: 0, field: 0, value);

        DataAssert.Fails(() => Read(path), path, "line 2", "column 1 (label)", problem);
    }

    [Fact]
    public void UnterminatedQuote()
    {
        var path = WriteWithField(row: 1, field: 4, "\"12");

        DataAssert.Fails(() => Read(path), path, "lines 3-5", "quote is not closed");
    }

    [Fact]
    public void QuotedLineBreakJoinsLines()
    {
        var path = WriteWithField(row: 1, field: 4, "\"1\n2\"");

        DataAssert.Fails(() => Read(path), path, "lines 3-4 (one record)", "column 5 (pixel4)",
            "'1\n2' is not an integer");
    }

    [Fact]
    public void TruncatedGzip()
    {
        // Cut within the trailer, so every row decompresses and only the trailer shows the damage.
        var gzip = TestImages.Gzip(System.Text.Encoding.ASCII.GetBytes(TestImages.Csv(_set)));
        var path = _directory.Write("cut.csv.gz", gzip[..^4]);

        DataAssert.Fails(() => Read(path), path, "truncated gzip file", "download it again");
    }

    [Fact]
    public void GzipCutMidStream_IsTruncation()
    {
        var lines = LargeFileLines(600);
        var gzip = TestImages.Gzip(System.Text.Encoding.ASCII.GetBytes(string.Join('\n', lines)));
        var path = _directory.Write("half.csv.gz", gzip[..(gzip.Length / 2)]);

        var error = DataAssert.Fails(() => Read(path), path, "truncated gzip file", "download it again");

        Assert.DoesNotContain("fields, expected", error.Message);
    }

    [Fact]
    public void FirstErrorInFileOrder()
    {
        // Values are parsed on a worker in batches while CsvHelper reads ahead, so a bad value in an early
        // batch must win over an invalid quote that the reader meets later.
        var lines = LargeFileLines(3000);
        lines[3] = "11" + lines[3][1..];
        lines[2500] = lines[2500] + ",\"x";
        lines[2900] = "12" + lines[2900][1..];
        var path = _directory.Write("order.csv", string.Join('\n', lines));

        var error = DataAssert.Fails(() => Read(path), path, "line 4, column 1 (label)", "label 11");

        Assert.DoesNotContain("line 2901", error.Message);
    }

    [Fact]
    public void ErrorInLateBatch()
    {
        var lines = LargeFileLines(3000);
        lines[2990] = lines[2990].Replace(",0,", ",300,");
        var path = _directory.Write("late.csv", string.Join('\n', lines));

        DataAssert.Fails(() => Read(path), path, "line 2991", "pixel 300 is outside 0-255");
    }

    private string[] LargeFileLines(int count)
    {
        var path = _directory.File("large.csv");
        IdxCsvConverter.WriteCsv(TestImages.Create(count), path);
        return File.ReadAllText(path).Split('\n');
    }

    private string WriteWithField(int row, int field, string value)
    {
        var lines = Enumerable.Range(0, _set.Count).Select(r => TestImages.CsvFields(_set, r)).ToList();
        lines[row][field] = value;
        var text = TestImages.CsvHeader + "\n" + string.Join('\n', lines.Select(f => string.Join(',', f))) + "\n";
        return _directory.Write("bad.csv", text);
    }

    private void Read(string path) =>
        _reader.Read(new DataOptions { Format = "csv", Train = path, Test = path });
}
