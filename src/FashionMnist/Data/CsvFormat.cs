using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Data;

/// <summary>
/// Reads and writes the Kaggle CSV layout: a header <c>label,pixel1,...,pixel784</c>, then one line per image
/// with the label (0-9) and 784 pixel values (0-255) in row-major order.
/// </summary>
internal static class CsvFormat
{
    /// <summary>Fields per line: the label and one per pixel.</summary>
    public const int FieldCount = 1 + ImageSet.PixelsPerImage;

    /// <summary>Buffer size of the readers that decode CSV text.</summary>
    public const int StreamBufferSize = 1 << 16;

    /// <summary>The expected header: <c>label</c>, then <c>pixel1</c> to <c>pixel784</c>.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["label", .. Enumerable.Range(1, ImageSet.PixelsPerImage).Select(i => "pixel" + i)];

    private static readonly byte[][] ValueBytes = Enumerable.Range(0, 256)
        .Select(i => Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture)))
        .ToArray();

    /// <summary>Reads every image of a CSV file; the file's MD5 is recorded but never verified.</summary>
    public static (ImageSet Set, DataFile File) ReadSet(string path, ILogger logger,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var input = DataFileInput.Open(path, logger);
        byte[] pixels, labels;
        try
        {
            (pixels, labels) = ReadRows(input, cancellationToken);
        }
        catch (DataException) when (input.IsGzip)
        {
            // A gzip file cut short ends in a broken last line. The trailer check then raises the truncation
            // error, which names the real problem. For a complete file it passes, and the line's error is raised.
            input.Finish();
            throw;
        }
        var (_, contentMd5) = input.Finish();

        var file = new DataFile(input.Path, contentMd5, Verified: false);
        DataLog.ReadImages(logger, labels.Length, input.Path, stopwatch.ElapsedMilliseconds, contentMd5, false);
        return (new ImageSet(pixels, labels, input.Path), file);
    }

    /// <summary>Writes <paramref name="set"/> as ASCII with <c>\n</c> line ends, the header first.</summary>
    public static void Write(Stream output, ImageSet set)
    {
        var header = Encoding.ASCII.GetBytes(string.Join(',', Header) + "\n");
        output.Write(header);

        // The longest line is 785 values of 3 digits, each followed by a comma or the line end.
        var line = new byte[FieldCount * 4];
        for (var row = 0; row < set.Count; row++)
        {
            var length = Append(line, 0, set.Labels[row]);
            var pixels = set.Pixels.AsSpan(row * ImageSet.PixelsPerImage, ImageSet.PixelsPerImage);
            foreach (var pixel in pixels)
            {
                line[length++] = (byte)',';
                length = Append(line, length, pixel);
            }
            line[length++] = (byte)'\n';
            output.Write(line, 0, length);
        }
    }

    private static int Append(byte[] line, int length, byte value)
    {
        var text = ValueBytes[value];
        text.CopyTo(line, length);
        return length + text.Length;
    }

    private static (byte[] Pixels, byte[] Labels) ReadRows(DataFileInput input, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",",
            // Fields are fetched only for the header and for records the fast path cannot read, which are split
            // again with this configuration. Pixel fields take only 256 distinct values, so caching spares most
            // string allocations there.
            CacheFields = true,
            BufferSize = StreamBufferSize,
        };
        var reader = new CsvBlockReader(input, configuration, cancellationToken);
        var (header, headerLength) = reader.ReadHeaderBlock();
        try
        {
            CheckHeader(input, header, headerLength, configuration);
        }
        catch (CsvHelperException e)
        {
            throw InvalidCsv(input.Path, e, linesBefore: 0);
        }

        var (pixels, labels) = reader.ReadBody(new CsvRecordParser(input.Path, configuration));
        if (labels.Length == 0)
        {
            throw new DataException(
                $"{input.Path}: the file has a header but no images. Replace it with a complete copy.");
        }
        return (pixels, labels);
    }

    // UTF-32 little-endian comes before UTF-16 little-endian, whose mark it starts with.
    private static readonly (byte[] Mark, string Encoding)[] WideByteOrderMarks =
    [
        ([0x00, 0x00, 0xfe, 0xff], "UTF-32"),
        ([0xff, 0xfe, 0x00, 0x00], "UTF-32"),
        ([0xfe, 0xff], "UTF-16"),
        ([0xff, 0xfe], "UTF-16"),
    ];

    private static void CheckHeader(DataFileInput input, byte[] header, int length, CsvConfiguration configuration)
    {
        // Records are decoded as UTF-8, which also reads ASCII. A UTF-16 or UTF-32 byte order mark announces
        // text whose line ends are not single bytes.
        var start = header.AsSpan(0, length);
        foreach (var (mark, encoding) in WideByteOrderMarks)
        {
            if (!start.StartsWith(mark))
                continue;
            throw new DataException(
                $"{input.Path}: the file is encoded as {encoding} (it starts with a {encoding} byte order mark); it "
                + "must be UTF-8 or ASCII. Save it again as UTF-8.");
        }

        using var text = new StreamReader(new MemoryStream(header, 0, length, writable: false), Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(text, configuration);
        CheckHeader(input, parser);
    }

    private static void CheckHeader(DataFileInput input, CsvParser parser)
    {
        if (!parser.Read())
        {
            throw new DataException(
                $"{input.Path}: the file has no lines; expected the header 'label,pixel1,...,pixel784' followed by "
                + "one line per image. Replace it with a complete copy.");
        }

        var lines = Record(parser).DescribeLines();
        if (parser[0].Any(char.IsControl))
        {
            throw new DataException(
                $"{input.Path}: {lines}: the content is binary, not CSV text (the first field has control "
                + "characters). For the IDX files set data.format: idx.");
        }

        if (CsvRecordParser.IsIntegerText(parser[0]))
        {
            throw new DataException(
                $"{input.Path}: {lines}: missing header: the first line starts with the value '{parser[0]}' instead "
                + "of 'label'. Add the header 'label,pixel1,...,pixel784' as the first line.");
        }

        for (var column = 0; column < Math.Min(parser.Count, FieldCount); column++)
        {
            if (parser[column] == Header[column])
                continue;
            throw new DataException(
                $"{input.Path}: {lines}: header column {column + 1} is '{parser[column]}', expected "
                + $"'{Header[column]}'. The header must be exactly 'label,pixel1,...,pixel784'.");
        }

        if (parser.Count != FieldCount)
        {
            throw new DataException(
                $"{input.Path}: {lines}: the header has {parser.Count} columns, expected {FieldCount} "
                + "('label,pixel1,...,pixel784'). Fix the header.");
        }
    }

    /// <summary>The parser's current record; <paramref name="linesBefore"/> lines of the file precede its input.</summary>
    public static CsvRecord Record(IParser parser, int linesBefore = 0) =>
        new(parser.RawRecord, parser.RawRow + linesBefore, parser.Count);

    /// <summary>Reports a CsvHelper error at the line it names; <paramref name="linesBefore"/> as in <see cref="Record"/>.</summary>
    public static DataException InvalidCsv(string path, CsvHelperException e, int linesBefore)
    {
        var lines = e.Context?.Parser is { } parser ? Record(parser, linesBefore).DescribeLines() : "unknown line";
        return new DataException(
            $"{path}: {lines}: invalid CSV ({FirstLine(e.Message)}). Fix the line; values are plain integers "
            + "separated by commas.", e);
    }

    /// <summary>Returns the first line of <paramref name="message"/>.</summary>
    public static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
