using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Data;

/// <summary>
/// Reads and writes IDX files: a big-endian header (magic number, then one 32-bit size per dimension) followed
/// by the unsigned bytes in row-major order. Images files are 3-dimensional (count × 28 × 28), labels files
/// 1-dimensional.
/// </summary>
internal static class IdxFormat
{
    /// <summary>Magic number of an unsigned-byte, 3-dimensional IDX file.</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an unsigned-byte, 1-dimensional IDX file.</summary>
    public const int LabelsMagic = 0x00000801;

    public const int ImagesHeaderLength = 16;
    public const int LabelsHeaderLength = 8;

    // A garbage header can declare gigabytes; the buffer grows only as data actually arrive.
    private const int InitialPayloadBuffer = 64 << 20;
    private const int MaxImages = int.MaxValue / ImageSet.PixelsPerImage;

    /// <summary>Reads an images file and its labels file into one set, checking that the counts agree.</summary>
    /// <param name="officialFiles">The published checksums that files with official names must match.</param>
    public static (ImageSet Set, DataFile Images, DataFile Labels) ReadSet(string imagesPath, string labelsPath,
        bool verifyChecksums, IReadOnlyList<OfficialFile> officialFiles, ILogger logger,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var checksums = new ChecksumPolicy(verifyChecksums, officialFiles);
        var (pixels, imagesFile) = ReadImagesFile(imagesPath, checksums, logger);
        cancellationToken.ThrowIfCancellationRequested();
        var (labels, labelsFile) = ReadLabelsFile(labelsPath, checksums, logger);

        var imageCount = pixels.Length / ImageSet.PixelsPerImage;
        if (labels.Length != imageCount)
        {
            throw new DataException(
                $"{imagesFile.Path} contains {imageCount} images but {labelsFile.Path} contains {labels.Length} "
                + "labels, and every image needs exactly one label. Use the labels file that belongs to these images.");
        }

        DataLog.ReadImages(logger, imageCount, imagesFile.Path, stopwatch.ElapsedMilliseconds, imagesFile.Md5,
            imagesFile.Verified && labelsFile.Verified);
        return (new ImageSet(pixels, labels, imagesFile.Path), imagesFile, labelsFile);
    }

    /// <summary>
    /// Returns the labels file name that the standard pattern pairs with an images file name
    /// (<c>train-images-idx3-ubyte</c> → <c>train-labels-idx1-ubyte</c>), or null when the name has no
    /// <c>images</c> part to replace.
    /// </summary>
    public static string? LabelsNameFor(string imagesFileName)
    {
        var index = imagesFileName.LastIndexOf("images-idx3", StringComparison.Ordinal);
        if (index >= 0)
            return string.Concat(imagesFileName.AsSpan(0, index), "labels-idx1", imagesFileName.AsSpan(index + 11));

        index = imagesFileName.LastIndexOf("images", StringComparison.Ordinal);
        if (index >= 0)
            return string.Concat(imagesFileName.AsSpan(0, index), "labels", imagesFileName.AsSpan(index + 6));
        return null;
    }

    /// <summary>
    /// Returns the path of the labels file beside <paramref name="imagesPath"/>: the paired name, or the same name
    /// with <c>.gz</c> added or removed. Throws <see cref="DataException"/> when there is none.
    /// </summary>
    public static string FindLabelsFile(string imagesPath)
    {
        var directory = Path.GetDirectoryName(imagesPath) ?? ".";
        var labelsName = LabelsNameFor(Path.GetFileName(imagesPath))
            ?? throw new DataException(
                $"{imagesPath}: cannot find the labels file because the images file name contains no 'images' "
                + "to replace with 'labels'. Name the files like train-images-idx3-ubyte and "
                + "train-labels-idx1-ubyte, side by side.");

        var exact = Path.Combine(directory, labelsName);
        var toggled = labelsName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? exact[..^3] : exact + ".gz";
        if (File.Exists(exact))
            return exact;
        if (File.Exists(toggled))
            return toggled;
        throw new DataException(
            $"{imagesPath}: its labels file was not found; looked for {exact} and {toggled}. Put the labels "
            + "file beside the images file under that name.");
    }

    /// <summary>Writes the IDX images header and pixels of <paramref name="set"/>.</summary>
    public static void WriteImages(Stream output, ImageSet set)
    {
        Span<byte> header = stackalloc byte[ImagesHeaderLength];
        BinaryPrimitives.WriteInt32BigEndian(header, ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], set.Count);
        BinaryPrimitives.WriteInt32BigEndian(header[8..], ImageSet.Height);
        BinaryPrimitives.WriteInt32BigEndian(header[12..], ImageSet.Width);
        output.Write(header);
        output.Write(set.Pixels);
    }

    /// <summary>Writes the IDX labels header and labels of <paramref name="set"/>.</summary>
    public static void WriteLabels(Stream output, ImageSet set)
    {
        Span<byte> header = stackalloc byte[LabelsHeaderLength];
        BinaryPrimitives.WriteInt32BigEndian(header, LabelsMagic);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], set.Count);
        output.Write(header);
        output.Write(set.Labels);
    }

    private static (byte[] Pixels, DataFile File) ReadImagesFile(string path, ChecksumPolicy checksums,
        ILogger logger)
    {
        using var input = DataFileInput.Open(path, logger);
        ReadMagic(input, ImagesMagic, "images");
        var count = ReadCount(input, "image");
        var rows = ReadInt32(input, "image height");
        var columns = ReadInt32(input, "image width");
        if (rows != ImageSet.Height || columns != ImageSet.Width)
        {
            throw new DataException(
                $"{input.Path}: bytes 8-15: images are {rows}×{columns} pixels, expected "
                + $"{ImageSet.Height}×{ImageSet.Width}. This is not a Fashion-MNIST images file (nor a copy in "
                + "its original size); use the Fashion-MNIST file.");
        }

        var pixels = ReadPayload(input, (long)count * ImageSet.PixelsPerImage, ImageSet.PixelsPerImage, "image");
        var file = Finish(input, checksums, logger);
        return (pixels, file);
    }

    private static (byte[] Labels, DataFile File) ReadLabelsFile(string path, ChecksumPolicy checksums,
        ILogger logger)
    {
        using var input = DataFileInput.Open(path, logger);
        ReadMagic(input, LabelsMagic, "labels");
        var count = ReadCount(input, "label");
        var labels = ReadPayload(input, count, 1, "label");
        CheckLabels(input.Path, labels);
        var file = Finish(input, checksums, logger);
        return (labels, file);
    }

    private static void CheckLabels(string path, byte[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < ImageSet.ClassCount)
                continue;
            throw new DataException(
                $"{path}: byte offset {LabelsHeaderLength + i} (label {i}, counting from 0): label {labels[i]} is "
                + $"outside 0-{ImageSet.ClassCount - 1}. Fashion-MNIST has {ImageSet.ClassCount} classes; use the "
                + "Fashion-MNIST labels file.");
        }
    }

    private static DataFile Finish(DataFileInput input, ChecksumPolicy checksums, ILogger logger)
    {
        var end = input.ContentOffset;
        var extra = input.CountRemainingContent();
        if (extra > 0)
        {
            throw new DataException(
                $"{input.Path}: {extra} bytes follow the data the header declares, from byte offset {end}. The "
                + "header count does not match the data, so the file is damaged; replace it.");
        }

        var (fileMd5, contentMd5) = input.Finish();
        return ChecksumVerifier.Check(input.Path, input.IsGzip, fileMd5, contentMd5, checksums.Verify,
            checksums.OfficialFiles, logger);
    }

    private static void ReadMagic(DataFileInput input, int expected, string role)
    {
        Span<byte> bytes = stackalloc byte[4];
        ReadHeaderField(input, bytes, "magic number");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic == expected)
            return;

        var expectedFor = expected == ImagesMagic ? "an images file" : "a labels file";
        throw new DataException(
            $"{input.Path}: byte offset 0: IDX magic number is 0x{magic:X8}, expected 0x{expected:X8} for "
            + $"{expectedFor} (0x{ImagesMagic:X8} images, 0x{LabelsMagic:X8} labels); the content is "
            + $"{input.Kind}. {DescribeWrongContent(bytes, role)}");
    }

    private static string DescribeWrongContent(ReadOnlySpan<byte> start, string role)
    {
        var magic = BinaryPrimitives.ReadInt32BigEndian(start);
        if (role == "images" && magic == LabelsMagic)
        {
            return "This is a labels file: data.train and data.test name the images file "
                + "(*-images-idx3-ubyte), and its labels file is found beside it.";
        }
        if (role == "labels" && magic == ImagesMagic)
            return "This is an images file where the labels file (*-labels-idx1-ubyte) was expected.";
        if (start[0] == 0x1f && start[1] == 0x8b)
            return "The decompressed content is gzip again (compressed twice); decompress it once with gunzip.";
        if (start[0] == (byte)'P' && start[1] == (byte)'K')
            return "The file is a zip archive; extract the IDX files from it first.";
        if (IsPrintable(start))
        {
            return $"The content starts like text (\"{Encoding.ASCII.GetString(start)}\"), not IDX: for the Kaggle "
                + "CSV files set data.format: csv, and an HTML page means a failed download.";
        }
        return $"This is not an IDX {role} file; replace it with the Fashion-MNIST file "
            + "(sudo apt-get install dataset-fashion-mnist, or fmnist data download).";
    }

    private static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            if (value is < 0x20 or > 0x7e)
                return false;
        }
        return true;
    }

    private static int ReadCount(DataFileInput input, string item)
    {
        var count = ReadInt32(input, item + " count");
        if (count is > 0 and <= MaxImages)
            return count;

        throw new DataException(
            $"{input.Path}: byte offset 4: the header declares {count} {item}s, expected 1 to {MaxImages}. "
            + "The header is damaged; replace the file.");
    }

    private static int ReadInt32(DataFileInput input, string field)
    {
        Span<byte> bytes = stackalloc byte[4];
        ReadHeaderField(input, bytes, field);
        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }

    private static void ReadHeaderField(DataFileInput input, Span<byte> bytes, string field)
    {
        var offset = input.ContentOffset;
        var read = input.Content.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read == bytes.Length)
            return;

        if (offset + read == 0)
        {
            throw new DataException(
                $"{input.Path}: the gzip file decompresses to 0 bytes, so it contains no IDX data. Replace it with a "
                + "complete copy.");
        }
        throw new DataException(
            $"{input.Path}: byte offset {offset + read}: truncated IDX header: {input.DescribeEarlyEnd()}, inside "
            + $"the header field '{field}'. Replace the file with a complete copy.");
    }

    private static byte[] ReadPayload(DataFileInput input, long expected, int recordLength, string item)
    {
        var start = input.ContentOffset;
        var buffer = new byte[Math.Min(expected, InitialPayloadBuffer)];
        var filled = 0;
        while (true)
        {
            filled += input.Content.ReadAtLeast(buffer.AsSpan(filled), buffer.Length - filled,
                throwOnEndOfStream: false);
            if (filled == expected)
                return buffer;
            if (filled < buffer.Length)
                break;
            Array.Resize(ref buffer, (int)Math.Min(expected, 2L * buffer.Length));
        }

        throw new DataException(
            $"{input.Path}: byte offset {start + filled}: truncated IDX data: the header declares "
            + $"{expected / recordLength} {item}s ({expected} bytes after the header), but "
            + $"{input.DescribeEarlyEnd()}, inside {item} {filled / recordLength} (counting from 0). Replace the "
            + "file with a complete copy.");
    }

    private readonly record struct ChecksumPolicy(bool Verify, IReadOnlyList<OfficialFile> OfficialFiles);
}
