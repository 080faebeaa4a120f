using FashionMnist.Data;
using FashionMnist.Experiments;

namespace FashionMnist.Tests.Data;

public sealed class ChecksumTests : IDisposable
{
    private const string WrongMd5 = "00000000000000000000000000000000";

    private readonly TempDirectory _directory = new();
    // The sets TestImages.WriteStandardIdx writes.
    private readonly ImageSet _train = TestImages.Create(5, seed: 1);
    private readonly ImageSet _test = TestImages.Create(3, seed: 2);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void GzipFileMatchingGzipMd5()
    {
        var files = WriteGzip();
        var table = files.Select(f => new OfficialFile(f.Name, TestImages.Md5(f.Gzip), WrongMd5, WrongMd5)).ToList();

        var dataset = Reader(table).Read(Options());

        Assert.All(dataset.Files, file => Assert.True(file.Verified, file.Path));
    }

    [Fact]
    public void RecompressedGzipMatchingContentMd5()
    {
        // Debian's case: other gzip bytes, same content.
        var files = WriteGzip();
        var table = files.Select(f => new OfficialFile(f.Name, WrongMd5, TestImages.Md5(f.Raw), WrongMd5)).ToList();

        var dataset = Reader(table).Read(Options());

        Assert.All(dataset.Files, file => Assert.True(file.Verified, file.Path));
        Assert.Equal(files.Select(f => TestImages.Md5(f.Raw)), dataset.Files.Select(file => file.Md5));
    }

    [Fact]
    public void RawFileMatchingContentMd5()
    {
        TestImages.WriteStandardIdx(_directory, gzip: false);
        OfficialFile[] table =
        [
            new(OfficialFiles.TrainImagesName, WrongMd5, TestImages.Md5(TestImages.ImagesIdx(_train)), WrongMd5),
            new(OfficialFiles.TrainLabelsName, WrongMd5, TestImages.Md5(TestImages.LabelsIdx(_train)), WrongMd5),
            new(OfficialFiles.TestImagesName, WrongMd5, TestImages.Md5(TestImages.ImagesIdx(_test)), WrongMd5),
            new(OfficialFiles.TestLabelsName, WrongMd5, TestImages.Md5(TestImages.LabelsIdx(_test)), WrongMd5),
        ];

        var dataset = Reader(table).Read(Options());

        Assert.All(dataset.Files, file => Assert.True(file.Verified, file.Path));
    }

    [Fact]
    public void RawFileMatchingOnlyGzipMd5IsRejected()
    {
        // A raw file has no gzip checksum to match, even when its bytes happen to hash to the gzip one.
        TestImages.WriteStandardIdx(_directory, gzip: false);
        var table = OfficialFiles.All
            .Select(f => f with { GzipMd5 = TestImages.Md5(File.ReadAllBytes(_directory.File(f.Name))) })
            .ToList();

        DataAssert.Fails(() => Reader(table).Read(Options()), "checksum mismatch");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FakeFileUnderOfficialNameIsRejected(bool gzip)
    {
        TestImages.WriteStandardIdx(_directory, gzip);
        var path = _directory.File(OfficialFiles.TrainImagesName + (gzip ? ".gz" : ""));
        var actual = TestImages.Md5(TestImages.ImagesIdx(_train));

        DataAssert.Fails(() => Reader(OfficialFiles.All).Read(Options()), path, "checksum mismatch", actual,
            OfficialFiles.TrainImages.ContentMd5, OfficialFiles.TrainImages.GzipMd5, "MNIST",
            "sudo apt-get install dataset-fashion-mnist", "data.verify_checksums: false");
    }

    [Fact]
    public void MnistFileIsNamed()
    {
        var files = WriteGzip();
        var table = files.Select(f => new OfficialFile(f.Name, WrongMd5, WrongMd5, TestImages.Md5(f.Gzip))).ToList();

        DataAssert.Fails(() => Reader(table).Read(Options()), "It is the MNIST handwritten digits file");
    }

    [Fact]
    public void VerificationOffAcceptsFakeFile()
    {
        TestImages.WriteStandardIdx(_directory, gzip: true);

        var dataset = Reader(OfficialFiles.All).Read(Options(verify: false));

        DataAssert.SameImages(_train, dataset.Train);
        Assert.All(dataset.Files, file => Assert.False(file.Verified));
    }

    [Fact]
    public void OtherNamesAreNotChecked()
    {
        TestImages.WriteIdxPair(_directory, "a-images-idx3-ubyte", "a-labels-idx1-ubyte", _train, gzip: true);
        var images = _directory.File("a-images-idx3-ubyte.gz");

        var dataset = Reader(OfficialFiles.All).Read(new DataOptions { Train = images, Test = images });

        Assert.All(dataset.Files, file => Assert.False(file.Verified));
        Assert.Equal(TestImages.Md5(TestImages.ImagesIdx(_train)), dataset.Files[0].Md5);
    }

    [Fact]
    public void FindByNameIgnoresGzipSuffixOnly()
    {
        Assert.Same(OfficialFiles.TestLabels, OfficialFiles.FindByName("/x/t10k-labels-idx1-ubyte.gz"));
        Assert.Same(OfficialFiles.TestLabels, OfficialFiles.FindByName("t10k-labels-idx1-ubyte"));
        Assert.Null(OfficialFiles.FindByName("t10k-labels-idx1-ubyte.bin"));
        Assert.Null(OfficialFiles.FindByName("T10K-labels-idx1-ubyte"));
    }

    private List<(string Name, byte[] Raw, byte[] Gzip)> WriteGzip()
    {
        TestImages.WriteStandardIdx(_directory, gzip: true);
        (string Name, byte[] Raw)[] contents =
        [
            (OfficialFiles.TrainImagesName, TestImages.ImagesIdx(_train)),
            (OfficialFiles.TrainLabelsName, TestImages.LabelsIdx(_train)),
            (OfficialFiles.TestImagesName, TestImages.ImagesIdx(_test)),
            (OfficialFiles.TestLabelsName, TestImages.LabelsIdx(_test)),
        ];
        return contents.Select(c => (c.Name, c.Raw, File.ReadAllBytes(_directory.File(c.Name + ".gz")))).ToList();
    }

    private static IdxDatasetReader Reader(IReadOnlyList<OfficialFile> table) =>
        new(new DatasetLocator(_ => null, []), table);

    private DataOptions Options(bool verify = true) => new() { Dir = _directory.Path, VerifyChecksums = verify };
}
