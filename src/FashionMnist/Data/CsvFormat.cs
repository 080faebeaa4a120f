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

    private const int RowsPerChunk = 4096;
    private const int StreamBufferSize = 1 << 16;

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
        var (pixels, labels) = ReadRows(input, cancellationToken);
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
            // Fields are fetched only for the header and for lines the fast path leaves to the parser. Pixel
            // fields take only 256 distinct values, so cached strings spare most allocations there.
            CacheFields = true,
            BufferSize = StreamBufferSize,
        };
        using var text = new StreamReader(input.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
            StreamBufferSize, leaveOpen: true);
        using var parser = new CsvParser(text, configuration);
        try
        {
            CheckHeader(input, parser);
            return ReadImages(input, parser, cancellationToken);
        }
        catch (CsvHelperException e)
        {
            throw new DataException(
                $"{input.Path}: {DescribeLines(e.Context?.Parser)}: invalid CSV ({FirstLine(e.Message)}). Fix the "
                + "line; values are plain integers separated by commas.", e);
        }
    }

    private static void CheckHeader(DataFileInput input, CsvParser parser)
    {
        if (!parser.Read())
        {
            throw new DataException(
                $"{input.Path}: the file has no lines; expected the header 'label,pixel1,...,pixel784' followed by "
                + "one line per image. Replace it with a complete copy.");
        }

        if (parser[0].Any(char.IsControl))
        {
            throw new DataException(
                $"{input.Path}: {DescribeLines(parser)}: the content is binary, not CSV text (the first field has "
                + "control characters). For the IDX files set data.format: idx.");
        }

        if (IsIntegerText(parser[0]))
        {
            throw new DataException(
                $"{input.Path}: {DescribeLines(parser)}: missing header: the first line starts with the value "
                + $"'{parser[0]}' instead of 'label'. Add the header 'label,pixel1,...,pixel784' as the first line.");
        }

        for (var column = 0; column < Math.Min(parser.Count, FieldCount); column++)
        {
            if (parser[column] == Header[column])
                continue;
            throw new DataException(
                $"{input.Path}: {DescribeLines(parser)}: header column {column + 1} is '{parser[column]}', expected "
                + $"'{Header[column]}'. The header must be exactly 'label,pixel1,...,pixel784'.");
        }

        if (parser.Count != FieldCount)
        {
            throw new DataException(
                $"{input.Path}: {DescribeLines(parser)}: the header has {parser.Count} columns, expected {FieldCount} "
                + "('label,pixel1,...,pixel784'). Fix the header.");
        }
    }

    private static (byte[] Pixels, byte[] Labels) ReadImages(DataFileInput input, CsvParser parser,
        CancellationToken cancellationToken)
    {
        var pixelChunks = new List<byte[]>();
        var labelChunks = new List<byte[]>();
        var rowInChunk = RowsPerChunk;
        var count = 0;
        while (parser.Read())
        {
            if (rowInChunk == RowsPerChunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pixelChunks.Add(new byte[RowsPerChunk * ImageSet.PixelsPerImage]);
                labelChunks.Add(new byte[RowsPerChunk]);
                rowInChunk = 0;
            }

            ReadImage(input, parser, pixelChunks[^1].AsSpan(rowInChunk * ImageSet.PixelsPerImage,
                ImageSet.PixelsPerImage), out labelChunks[^1][rowInChunk]);
            rowInChunk++;
            count++;
        }

        if (count == 0)
        {
            throw new DataException(
                $"{input.Path}: the file has a header but no images. Replace it with a complete copy.");
        }
        return (Concatenate(pixelChunks, count * ImageSet.PixelsPerImage), Concatenate(labelChunks, count));
    }

    private static void ReadImage(DataFileInput input, CsvParser parser, Span<byte> pixels, out byte label)
    {
        if (parser.Count != FieldCount)
        {
            throw new DataException(
                $"{input.Path}: {DescribeLines(parser)}: {parser.Count} fields, expected {FieldCount} (the label and "
                + $"{ImageSet.PixelsPerImage} pixels). Fix or remove the line.");
        }

        if (TryParseRawRecord(parser.RawRecord, pixels, out label))
            return;

        label = (byte)ParseValue(input, parser, 0, ImageSet.ClassCount - 1);
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)ParseValue(input, parser, i + 1, byte.MaxValue);
    }

    // Reads a line of plain values straight from its text, which takes a fraction of the time of fetching 785
    // field strings from the parser. Any other line (quotes, spaces, leading zeros, a bad value) returns false
    // and goes through the parser's fields, which also produce the exact error message.
    private static bool TryParseRawRecord(string rawRecord, Span<byte> pixels, out byte label)
    {
        label = 0;
        var text = rawRecord.AsSpan().TrimEnd("\r\n");
        var field = 0;
        var value = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (c == ',')
            {
                if (digits == 0 || !Store(field, value, pixels, ref label))
                    return false;
                field++;
                value = 0;
                digits = 0;
                continue;
            }

            var digit = c - '0';
            if ((uint)digit > 9 || ++digits > 3 || (digits > 1 && value == 0))
                return false;
            value = value * 10 + digit;
        }
        return digits > 0 && field == FieldCount - 1 && Store(field, value, pixels, ref label);
    }

    private static bool Store(int field, int value, Span<byte> pixels, ref byte label)
    {
        if (field == 0)
        {
            label = (byte)value;
            return value < ImageSet.ClassCount;
        }
        if (field >= FieldCount || value > byte.MaxValue)
            return false;
        pixels[field - 1] = (byte)value;
        return true;
    }

    private static int ParseValue(DataFileInput input, CsvParser parser, int column, int max)
    {
        // One to three ASCII digits is the form nearly every field takes, so it skips the general parser.
        var field = parser[column];
        var value = 0;
        if (field.Length is 0 or > 3)
            return ParseUncommonValue(input, parser, column, field, max);
        foreach (var c in field)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
                return ParseUncommonValue(input, parser, column, field, max);
            value = value * 10 + digit;
        }
        return value <= max ? value : ParseUncommonValue(input, parser, column, field, max);
    }

    private static int ParseUncommonValue(DataFileInput input, CsvParser parser, int column, string field, int max)
    {
        var isInteger = IsIntegerText(field);
        if (isInteger && field[0] != '-')
        {
            // Leading zeros are valid; more than three significant digits is out of range anyway.
            var significant = field.TrimStart('0');
            var value = significant.Length switch
            {
                0 => 0,
                <= 3 => int.Parse(significant, CultureInfo.InvariantCulture),
                _ => int.MaxValue,
            };
            if (value <= max)
                return value;
        }

        var what = column == 0 ? "label" : "pixel";
        var problem = isInteger ? $"{what} {field} is outside 0-{max}" : $"{what} '{field}' is not an integer";
        throw new DataException(
            $"{input.Path}: {DescribeLines(parser)}, column {column + 1} ({Header[column]}): {problem}. A {what} "
            + $"is a whole number from 0 to {max}; fix the line.");
    }

    private static bool IsIntegerText(string field)
    {
        var digits = field.StartsWith('-') ? field.AsSpan(1) : field.AsSpan();
        return digits.Length > 0 && !digits.ContainsAnyExcept("0123456789");
    }

    // The parser counts lines up to the end of a record, and a quote left open swallows every line after it,
    // so a record over several lines is reported from its first line, with the likely cause.
    private static string DescribeLines(IParser? parser)
    {
        if (parser is null)
            return "unknown line";

        var raw = parser.RawRecord.AsSpan();
        var quoteOpen = raw.Count('"') % 2 == 1;
        // With a quote open, the final line end belongs to the field instead of ending the record.
        var body = quoteOpen ? raw : raw.TrimEnd("\r\n");
        var first = parser.RawRow - body.Count('\n');
        var last = first + body.TrimEnd("\r\n").Count('\n');
        if (last == first)
            return $"line {first}";
        return quoteOpen ? $"lines {first}-{last} (one record, because a quote is not closed)"
            : $"lines {first}-{last} (one record)";
    }

    private static byte[] Concatenate(List<byte[]> chunks, int length)
    {
        var result = new byte[length];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            var take = Math.Min(chunk.Length, length - offset);
            Array.Copy(chunk, 0, result, offset, take);
            offset += take;
        }
        return result;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
