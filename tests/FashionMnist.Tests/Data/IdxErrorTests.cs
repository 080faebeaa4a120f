using System.Buffers.Binary;
using FashionMnist.Data;
using FashionMnist.Experiments;

namespace FashionMnist.Tests.Data;

public sealed class IdxErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IdxDatasetReader _reader = new(new DatasetLocator(_ => null, []));
    private readonly ImageSet _set = TestImages.Create(5);

    public IdxErrorTests()
    {
        // A valid test pair, so each case only has to spoil the training files.
        TestImages.WriteIdxPair(_directory, "test-images-idx3-ubyte", "test-labels-idx1-ubyte",
            TestImages.Create(2), gzip: false);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void MissingImagesFile()
    {
        var path = _directory.File("absent-images-idx3-ubyte");

        DataAssert.Fails(() => Read(path), "data.train", path, "not found");
    }

    [Fact]
    public void MissingLabelsFile()
    {
        var images = _directory.Write("x-images-idx3-ubyte", TestImages.ImagesIdx(_set));

        DataAssert.Fails(() => Read(images), images, _directory.File("x-labels-idx1-ubyte"),
            _directory.File("x-labels-idx1-ubyte.gz"), "not found");
    }

    [Fact]
    public void ImagesNameWithoutImagesPart()
    {
        var images = _directory.Write("train.bin", TestImages.ImagesIdx(_set));

        DataAssert.Fails(() => Read(images), images, "'images'", "train-labels-idx1-ubyte");
    }

    [Fact]
    public void EmptyFile()
    {
        var images = WritePair(Array.Empty<byte>(), TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "empty (0 bytes)");
    }

    [Fact]
    public void EmptyGzipContent()
    {
        // GZipStream writes nothing for empty input, so this is a minimal gzip member by hand: header, an empty
        // final deflate block, then CRC-32 and length, both zero.
        byte[] emptyGzip = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var images = WritePair(emptyGzip, TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "decompresses to 0 bytes");
    }

    [Fact]
    public void TruncatedHeader()
    {
        var images = WritePair(TestImages.ImagesIdx(_set)[..10], TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "byte offset 10", "truncated IDX header", "image height");
    }

    [Fact]
    public void LabelsFileGivenAsImages()
    {
        var images = WritePair(TestImages.LabelsIdx(_set), TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "byte offset 0", "0x00000801", "expected 0x00000803",
            "This is a labels file");
    }

    [Fact]
    public void ImagesFileGivenAsLabels()
    {
        var images = WritePair(TestImages.ImagesIdx(_set), TestImages.ImagesIdx(_set));

        DataAssert.Fails(() => Read(images), _directory.File("train-labels-idx1-ubyte"), "0x00000803",
            "expected 0x00000801", "labels file (*-labels-idx1-ubyte) was expected");
    }

    [Fact]
    public void UnknownMagic()
    {
        var images = WritePair(TestImages.ImagesIdx(_set, magic: 0x00000C03), TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "0x00000C03", "0x00000803", "uncompressed",
            "not an IDX images file");
    }

    [Fact]
    public void TextUnderGzipName()
    {
        _directory.Write("train-images-idx3-ubyte.gz", "<!DOCTYPE html><html>Not found</html>");
        _directory.Write("train-labels-idx1-ubyte.gz", TestImages.LabelsIdx(_set));

        var images = _directory.File("train-images-idx3-ubyte.gz");
        DataAssert.Fails(() => Read(images), images, "content is uncompressed", "\"<!DO\"", "failed download");
    }

    [Fact]
    public void CsvGivenToIdxReader()
    {
        var images = WritePair(System.Text.Encoding.ASCII.GetBytes(TestImages.Csv(_set)), TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "\"labe\"", "data.format: csv");
    }

    [Fact]
    public void ZipArchive()
    {
        var images = WritePair([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0], TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "zip archive");
    }

    [Fact]
    public void DoubleGzip()
    {
        var twice = TestImages.Gzip(TestImages.Gzip(TestImages.ImagesIdx(_set)));
        var images = WritePair(twice, TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "gzip-compressed", "compressed twice");
    }

    [Fact]
    public void WrongImageSize()
    {
        var images = WritePair(TestImages.ImagesIdx(_set, height: 32, width: 32), TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "bytes 8-15", "32×32", "expected 28×28");
    }

    [Fact]
    public void ZeroImageCount()
    {
        var images = WritePair(TestImages.ImagesIdx(_set, count: 0), TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "byte offset 4", "declares 0 images");
    }

    [Fact]
    public void TruncatedImagesPayload()
    {
        var bytes = TestImages.ImagesIdx(_set);
        var images = WritePair(bytes[..(16 + 3 * 784 + 100)], TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, $"byte offset {16 + 3 * 784 + 100}", "declares 5 images",
            "the file ends after 2468 bytes", "inside image 3");
    }

    [Fact]
    public void TruncatedLabelsPayload()
    {
        var images = WritePair(TestImages.ImagesIdx(_set), TestImages.LabelsIdx(_set)[..11]);

        DataAssert.Fails(() => Read(images), _directory.File("train-labels-idx1-ubyte"), "byte offset 11",
            "declares 5 labels", "inside label 3");
    }

    [Fact]
    public void TruncatedGzipInsideData()
    {
        var gzip = TestImages.Gzip(TestImages.ImagesIdx(TestImages.Create(50)));
        var images = WritePair(gzip[..(gzip.Length / 2)], TestImages.LabelsIdx(TestImages.Create(50)));

        DataAssert.Fails(() => Read(images), images, "truncated IDX data", "declares 50 images",
            "the gzip stream ends after", "incomplete download");
    }

    [Fact]
    public void TruncatedGzipTrailer()
    {
        var gzip = TestImages.Gzip(TestImages.ImagesIdx(_set));
        var images = WritePair(gzip[..^8], TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "truncated gzip file", $"{gzip.Length - 8} compressed bytes",
            $"{16 + 5 * 784} bytes");
    }

    [Fact]
    public void CorruptGzipData()
    {
        var gzip = TestImages.Gzip(TestImages.ImagesIdx(TestImages.Create(50)));
        for (var i = 20; i < 60; i++)
            gzip[i] ^= 0x5a;
        var images = WritePair(gzip, TestImages.LabelsIdx(TestImages.Create(50)));

        var error = Assert.Throws<DataException>(() => Read(images));

        Assert.Contains(images, error.Message);
        Assert.True(error.Message.Contains("invalid gzip data after")
            || error.Message.Contains("truncated"), error.Message);
    }

    [Fact]
    public void TrailingBytesAfterImages()
    {
        var images = WritePair([.. TestImages.ImagesIdx(_set), .. new byte[784]], TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "784 bytes follow", $"byte offset {16 + 5 * 784}");
    }

    [Fact]
    public void LabelOutOfRange()
    {
        var labels = TestImages.LabelsIdx(_set);
        labels[8 + 3] = 12;
        var images = WritePair(TestImages.ImagesIdx(_set), labels);

        DataAssert.Fails(() => Read(images), _directory.File("train-labels-idx1-ubyte"), "byte offset 11",
            "label 3", "label 12 is outside 0-9");
    }

    [Fact]
    public void CountsDiffer()
    {
        var images = WritePair(TestImages.ImagesIdx(_set), TestImages.LabelsIdx(TestImages.Create(4)));

        DataAssert.Fails(() => Read(images), images, "5 images", _directory.File("train-labels-idx1-ubyte"),
            "4 labels");
    }

    [Fact]
    public void HugeDeclaredCountIsTruncation()
    {
        var bytes = TestImages.ImagesIdx(_set);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), 2_000_000);
        var images = WritePair(bytes, TestImages.LabelsIdx(_set));

        DataAssert.Fails(() => Read(images), images, "declares 2000000 images", "truncated");
    }

    private string WritePair(byte[] images, byte[] labels)
    {
        _directory.Write("train-labels-idx1-ubyte", labels);
        return _directory.Write("train-images-idx3-ubyte", images);
    }

    private void Read(string imagesPath) => _reader.Read(new DataOptions
    {
        Train = imagesPath,
        Test = _directory.File("test-images-idx3-ubyte"),
        VerifyChecksums = false,
    });
}
