using FashionMnist.Data;
using FashionMnist.Experiments;

namespace FashionMnist.Tests.Data;

public sealed class CsvDatasetReaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CsvDatasetReader _reader = new(new DatasetLocator(_ => null, []));

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_StandardFiles(bool gzip)
    {
        var train = TestImages.Create(6, seed: 1);
        var test = TestImages.Create(3, seed: 2);
        WriteCsv(OfficialFiles.CsvTrainName, TestImages.Csv(train), gzip);
        WriteCsv(OfficialFiles.CsvTestName, TestImages.Csv(test), gzip);

        var dataset = _reader.Read(new DataOptions { Format = "csv", Dir = _directory.Path });

        DataAssert.SameImages(train, dataset.Train);
        DataAssert.SameImages(test, dataset.Test);
    }

    [Fact]
    public void Read_RecordsMd5Unverified()
    {
        var train = TestImages.Csv(TestImages.Create(4));
        var test = TestImages.Csv(TestImages.Create(2));
        WriteCsv(OfficialFiles.CsvTrainName, train, gzip: true);
        WriteCsv(OfficialFiles.CsvTestName, test, gzip: false);

        var dataset = _reader.Read(new DataOptions { Format = "csv", Dir = _directory.Path });

        Assert.Equal(2, dataset.Files.Count);
        Assert.Equal(_directory.File(OfficialFiles.CsvTrainName + ".gz"), dataset.Files[0].Path);
        Assert.Equal(TestImages.Md5(System.Text.Encoding.UTF8.GetBytes(train)), dataset.Files[0].Md5);
        Assert.Equal(TestImages.Md5(System.Text.Encoding.UTF8.GetBytes(test)), dataset.Files[1].Md5);
        Assert.All(dataset.Files, file => Assert.False(file.Verified));
    }

    [Fact]
    public void Read_CrlfQuotesLeadingZerosAndBlankLines()
    {
        var set = TestImages.Create(3);
        var lines = Enumerable.Range(0, set.Count).Select(row => TestImages.CsvFields(set, row)).ToList();
        lines[0][5] = "\"" + lines[0][5] + "\"";
        lines[1][9] = lines[1][9].PadLeft(5, '0');
        var text = TestImages.CsvHeader + "\r\n" + string.Join("\r\n\r\n", lines.Select(f => string.Join(',', f)));
        var train = _directory.Write("train.csv", text);

        var dataset = _reader.Read(new DataOptions { Format = "csv", Train = train, Test = train });

        DataAssert.SameImages(set, dataset.Train);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark()
    {
        var set = TestImages.Create(2);
        var train = _directory.Write("bom.csv", [0xef, 0xbb, 0xbf, .. System.Text.Encoding.ASCII.GetBytes(
            TestImages.Csv(set))]);

        var dataset = _reader.Read(new DataOptions { Format = "csv", Train = train, Test = train });

        DataAssert.SameImages(set, dataset.Train);
    }

    [Fact]
    public void Read_ManyRowsAcrossChunks()
    {
        // The reader stores rows in chunks of 4096; the converter's writer is much faster than TestImages.Csv.
        var set = TestImages.Create(4100);
        var train = _directory.File("large.csv");
        IdxCsvConverter.WriteCsv(set, train);

        var dataset = _reader.Read(new DataOptions { Format = "csv", Train = train, Test = train });

        DataAssert.SameImages(set, dataset.Train);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_BlocksInFileOrder(bool gzip)
    {
        // About 2.8 KB a line, so 5,000 lines make four blocks read at once, the last one cut short.
        var set = TestImages.Create(5000, seed: 3);
        var text = File.ReadAllText(WriteLarge(set));
        Assert.True(text.Length > 3 * CsvBlockReader.BlockSize);
        WriteCsv("blocks.csv", text.TrimEnd('\n'), gzip);

        var train = _directory.File(gzip ? "blocks.csv.gz" : "blocks.csv");
        var dataset = _reader.Read(new DataOptions { Format = "csv", Train = train, Test = train });

        DataAssert.SameImages(set, dataset.Train);
    }

    [Fact]
    public void Read_QuoteInLateBlock()
    {
        // From the first block that holds a quote on, records are read by one RFC 4180 parser, which must
        // keep the rows before it and follow the quoted field.
        var set = TestImages.Create(5000, seed: 4);
        var lines = File.ReadAllText(WriteLarge(set)).TrimEnd('\n').Split('\n');
        var fields = lines[4000].Split(',');
        fields[7] = "\"" + fields[7] + "\"";
        lines[4000] = string.Join(',', fields);
        var train = _directory.Write("quoted.csv", string.Join('\n', lines));

        var dataset = _reader.Read(new DataOptions { Format = "csv", Train = train, Test = train });

        DataAssert.SameImages(set, dataset.Train);
    }

    [Theory]
    [InlineData("\r", "\n")]
    [InlineData("\r", "\r")]
    [InlineData("\r\n", "\r")]
    public void Read_CarriageReturnLineEnds(string afterHeader, string afterRow)
    {
        // A lone CR ends a line too, as CsvHelper reads it: no row may be lost after the header.
        var set = TestImages.Create(5, seed: 6);
        var rows = Enumerable.Range(0, set.Count).Select(row => string.Join(',', TestImages.CsvFields(set, row)));
        var train = _directory.Write("cr.csv", TestImages.CsvHeader + afterHeader + string.Join(afterRow, rows) + afterRow);

        var dataset = _reader.Read(new DataOptions { Format = "csv", Train = train, Test = train });

        DataAssert.SameImages(set, dataset.Train);
    }

    [Fact]
    public void Read_Utf16IsRejectedWithTheEncoding()
    {
        var set = TestImages.Create(2);
        var train = _directory.Write("utf16.csv", System.Text.Encoding.Unicode.GetPreamble()
            .Concat(System.Text.Encoding.Unicode.GetBytes(TestImages.Csv(set))).ToArray());

        DataAssert.Fails(() => _reader.Read(new DataOptions { Format = "csv", Train = train, Test = train }), train,
            "encoded as UTF-16", "Save it again as UTF-8");
    }

    [Fact]
    public void Read_RelativePathsResolveAgainstDir()
    {
        var set = TestImages.Create(2);
        WriteCsv("mine.csv", TestImages.Csv(set), gzip: false);

        var options = new DataOptions { Format = "csv", Dir = _directory.Path, Train = "mine.csv", Test = "mine.csv" };
        var dataset = _reader.Read(options);

        Assert.Equal(_directory.File("mine.csv"), dataset.Train.Source);
    }

    [Fact]
    public void Reader_NameAndSettings()
    {
        Assert.Equal("csv", _reader.Name);
        Assert.Equal(typeof(FashionMnist.Hosting.NoSettings), _reader.SettingsType);
    }

    private string WriteLarge(FashionMnist.Data.ImageSet set)
    {
        var path = _directory.File("large-source.csv");
        IdxCsvConverter.WriteCsv(set, path);
        return path;
    }

    private void WriteCsv(string name, string text, bool gzip)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (gzip)
            _directory.Write(name + ".gz", TestImages.Gzip(bytes));
        else
            _directory.Write(name, bytes);
    }
}
