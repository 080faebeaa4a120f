using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using FashionMnist.Data;

namespace FashionMnist.Tests.Data;

/// <summary>
/// Small image sets and their files, written here byte by byte so reader tests do not depend on the writers
/// they also test.
/// </summary>
internal static class TestImages
{
    /// <summary>Returns <paramref name="count"/> images whose pixels cover 0-255 and whose labels cycle 0-9.</summary>
    public static ImageSet Create(int count, int seed = 1)
    {
        var pixels = new byte[count * ImageSet.PixelsPerImage];
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)((i * 31 + seed * 17 + i / 7) % 256);
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
            labels[i] = (byte)((i + seed) % ImageSet.ClassCount);
        return new ImageSet(pixels, labels, "generated");
    }

    /// <summary>Returns an IDX images file: magic 0x803, count, 28, 28, then the pixels.</summary>
    public static byte[] ImagesIdx(ImageSet set, int magic = 0x803, int? count = null, int height = 28, int width = 28)
    {
        var bytes = new byte[16 + set.Pixels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count ?? set.Count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), height);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), width);
        set.Pixels.CopyTo(bytes, 16);
        return bytes;
    }

    /// <summary>Returns an IDX labels file: magic 0x801, count, then the labels.</summary>
    public static byte[] LabelsIdx(ImageSet set, int magic = 0x801, int? count = null)
    {
        var bytes = new byte[8 + set.Labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count ?? set.Count);
        set.Labels.CopyTo(bytes, 8);
        return bytes;
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(raw);
        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>Returns the Kaggle CSV text of <paramref name="set"/>: the header, then one line per image.</summary>
    public static string Csv(ImageSet set, string lineEnd = "\n")
    {
        var text = new StringBuilder(CsvHeader).Append(lineEnd);
        for (var row = 0; row < set.Count; row++)
            text.Append(CsvLine(set, row)).Append(lineEnd);
        return text.ToString();
    }

    public static string CsvHeader { get; } =
        "label," + string.Join(',', Enumerable.Range(1, ImageSet.PixelsPerImage).Select(i => "pixel" + i));

    /// <summary>Returns the fields of one image: the label, then its 784 pixels.</summary>
    public static string[] CsvFields(ImageSet set, int row) =>
        [set.Labels[row].ToString(), .. set.Pixels.Skip(row * ImageSet.PixelsPerImage)
            .Take(ImageSet.PixelsPerImage).Select(p => p.ToString())];

    public static string CsvLine(ImageSet set, int row) => string.Join(',', CsvFields(set, row));

    /// <summary>
    /// Writes the four files under their standard names, gzipped (adding <c>.gz</c>) when asked, and returns
    /// the training and test sets written.
    /// </summary>
    public static (ImageSet Train, ImageSet Test) WriteStandardIdx(TempDirectory directory, bool gzip,
        int trainCount = 5, int testCount = 3)
    {
        var train = Create(trainCount, seed: 1);
        var test = Create(testCount, seed: 2);
        WriteIdxPair(directory, OfficialFiles.TrainImagesName, OfficialFiles.TrainLabelsName, train, gzip);
        WriteIdxPair(directory, OfficialFiles.TestImagesName, OfficialFiles.TestLabelsName, test, gzip);
        return (train, test);
    }

    public static void WriteIdxPair(TempDirectory directory, string imagesName, string labelsName, ImageSet set,
        bool gzip)
    {
        var suffix = gzip ? ".gz" : "";
        directory.Write(imagesName + suffix, gzip ? Gzip(ImagesIdx(set)) : ImagesIdx(set));
        directory.Write(labelsName + suffix, gzip ? Gzip(LabelsIdx(set)) : LabelsIdx(set));
    }
}
