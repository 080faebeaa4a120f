using FashionMnist.Data;
using FashionMnist.Experiments;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tests.Data;

public sealed class IdxDatasetReaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IdxDatasetReader _reader = new(new DatasetLocator(_ => null, []));

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_StandardFiles(bool gzip)
    {
        var (train, test) = TestImages.WriteStandardIdx(_directory, gzip);

        var dataset = _reader.Read(new DataOptions { Dir = _directory.Path, VerifyChecksums = false });

        DataAssert.SameImages(train, dataset.Train);
        DataAssert.SameImages(test, dataset.Test);
        Assert.Equal(_directory.File(OfficialFiles.TrainImagesName + (gzip ? ".gz" : "")), dataset.Train.Source);
    }

    [Fact]
    public void Read_RecordsContentMd5OfEveryFile()
    {
        var (train, test) = TestImages.WriteStandardIdx(_directory, gzip: true);

        var dataset = _reader.Read(new DataOptions { Dir = _directory.Path, VerifyChecksums = false });

        string[] expected =
        [
            TestImages.Md5(TestImages.ImagesIdx(train)), TestImages.Md5(TestImages.LabelsIdx(train)),
            TestImages.Md5(TestImages.ImagesIdx(test)), TestImages.Md5(TestImages.LabelsIdx(test)),
        ];
        Assert.Equal(expected, dataset.Files.Select(file => file.Md5));
        Assert.All(dataset.Files, file => Assert.False(file.Verified));
        Assert.Equal(_directory.File(OfficialFiles.TestLabelsName + ".gz"), dataset.Files[3].Path);
    }

    [Fact]
    public void Read_GzipContentUnderPlainName()
    {
        var set = TestImages.Create(4);
        _directory.Write("train-images-idx3-ubyte", TestImages.Gzip(TestImages.ImagesIdx(set)));
        _directory.Write("train-labels-idx1-ubyte", TestImages.LabelsIdx(set));
        TestImages.WriteIdxPair(_directory, OfficialFiles.TestImagesName, OfficialFiles.TestLabelsName, set, true);

        var dataset = _reader.Read(new DataOptions { Dir = _directory.Path, VerifyChecksums = false });

        DataAssert.SameImages(set, dataset.Train);
        Assert.Equal(TestImages.Md5(TestImages.ImagesIdx(set)), dataset.Files[0].Md5);
    }

    [Fact]
    public void Read_WarnsWhenNameAndContentDisagree()
    {
        var set = TestImages.Create(2);
        _directory.Write("train-images-idx3-ubyte", TestImages.Gzip(TestImages.ImagesIdx(set)));
        _directory.Write("train-labels-idx1-ubyte.gz", TestImages.LabelsIdx(set));
        TestImages.WriteIdxPair(_directory, OfficialFiles.TestImagesName, OfficialFiles.TestLabelsName, set, true);
        var logger = new ListLogger<IdxDatasetReader>();
        var reader = new IdxDatasetReader(new DatasetLocator(_ => null, []), logger);

        reader.Read(new DataOptions { Dir = _directory.Path, VerifyChecksums = false });

        // The other warnings say that the generated files do not match the published checksums.
        var entries = logger.Entries.Where(e => e.EventId.Id is 1101 or 1102).ToList();
        var warnings = entries.Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(entries, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Contains("train-images-idx3-ubyte is gzip-compressed although its name does not end in .gz",
            warnings[0]);
        Assert.Contains("train-labels-idx1-ubyte.gz is named .gz but its content is not gzip-compressed",
            warnings[1]);
    }

    [Fact]
    public void Read_PlainContentUnderGzipName()
    {
        var set = TestImages.Create(4);
        _directory.Write("train-images-idx3-ubyte.gz", TestImages.ImagesIdx(set));
        _directory.Write("train-labels-idx1-ubyte.gz", TestImages.Gzip(TestImages.LabelsIdx(set)));
        TestImages.WriteIdxPair(_directory, OfficialFiles.TestImagesName, OfficialFiles.TestLabelsName, set, false);

        var dataset = _reader.Read(new DataOptions { Dir = _directory.Path, VerifyChecksums = false });

        DataAssert.SameImages(set, dataset.Train);
    }

    [Fact]
    public void Read_PrefersUncompressedFile()
    {
        TestImages.WriteStandardIdx(_directory, gzip: true);
        var plain = TestImages.Create(2, seed: 7);
        TestImages.WriteIdxPair(_directory, OfficialFiles.TrainImagesName, OfficialFiles.TrainLabelsName, plain,
            gzip: false);

        var dataset = _reader.Read(new DataOptions { Dir = _directory.Path, VerifyChecksums = false });

        DataAssert.SameImages(plain, dataset.Train);
    }

    [Fact]
    public void Read_TrainAndTestPathsFindLabelsBeside()
    {
        var train = TestImages.Create(3, seed: 3);
        var test = TestImages.Create(2, seed: 4);
        TestImages.WriteIdxPair(_directory, "fold1-images-idx3-ubyte.gz", "fold1-labels-idx1-ubyte.gz", train, false);
        _directory.Write("holdout_images.bin", TestImages.ImagesIdx(test));
        _directory.Write("holdout_labels.bin.gz", TestImages.Gzip(TestImages.LabelsIdx(test)));
        var options = new DataOptions
        {
            Train = _directory.File("fold1-images-idx3-ubyte.gz"),
            Test = _directory.File("holdout_images.bin"),
        };

        var dataset = _reader.Read(options);

        DataAssert.SameImages(train, dataset.Train);
        DataAssert.SameImages(test, dataset.Test);
        Assert.Equal(_directory.File("holdout_labels.bin.gz"), dataset.Files[3].Path);
    }

    [Fact]
    public void Read_RelativeTrainPathResolvesAgainstDir()
    {
        var (_, test) = TestImages.WriteStandardIdx(_directory, gzip: false);
        Directory.CreateDirectory(_directory.File("other"));
        var train = TestImages.Create(6, seed: 9);
        TestImages.WriteIdxPair(_directory, "other/a-images-idx3-ubyte", "other/a-labels-idx1-ubyte", train, true);

        var options = new DataOptions
        {
            Dir = _directory.Path,
            Train = "other/a-images-idx3-ubyte.gz",
            VerifyChecksums = false,
        };
        var dataset = _reader.Read(options);

        DataAssert.SameImages(train, dataset.Train);
        DataAssert.SameImages(test, dataset.Test);
    }

    [Fact]
    public void Reader_NameAndSettings()
    {
        Assert.Equal("idx", _reader.Name);
        Assert.Equal(typeof(FashionMnist.Hosting.NoSettings), _reader.SettingsType);
        Assert.False(string.IsNullOrWhiteSpace(_reader.Description));
    }
}
