using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace FashionMnist.Data;

/// <summary>
/// Reads a CSV file's records with CsvHelper in blocks of whole lines, several blocks at once.
/// </summary>
/// <remarks>
/// A line end splits records safely only where no quoted field can span it, so a block is cut at its last line
/// end and handed to a worker only when it holds no quote character at all; in such a block CsvHelper's
/// <see cref="CsvMode.NoEscape"/> mode finds the same fields as RFC 4180 mode, with less work. From the first
/// block that holds a quote, the rest of the file is read by one parser in RFC 4180 mode, in order. Records keep
/// their line numbers in the file, and an error is raised for the first bad record in file order.
/// </remarks>
internal sealed class CsvBlockReader
{
    /// <summary>Bytes per block: about 1,900 lines of the Kaggle training file.</summary>
    public const int BlockSize = 1 << 22;

    private readonly DataFileInput _input;
    private readonly CsvConfiguration _configuration;
    private readonly CsvConfiguration _quoteFreeConfiguration;
    private readonly CancellationToken _cancellationToken;
    private readonly int _maxBlocksInFlight = Environment.ProcessorCount + 1;

    private byte[] _buffer = new byte[BlockSize];
    private int _length;
    private int _headerLength;
    private bool _ended;

    public CsvBlockReader(DataFileInput input, CsvConfiguration configuration, CancellationToken cancellationToken)
    {
        _input = input;
        _configuration = configuration;
        _quoteFreeConfiguration = configuration with { Mode = CsvMode.NoEscape };
        _cancellationToken = cancellationToken;
    }

    /// <summary>Reads the file's first line and returns a buffer that starts with it, and its length with its line end.</summary>
    /// <remarks>The line ends at LF, CR LF or a lone CR, as CsvHelper ends records.</remarks>
    public (byte[] Buffer, int Length) ReadHeaderBlock()
    {
        Fill();
        int lineEnd;
        while (((lineEnd = _buffer.AsSpan(0, _length).IndexOfAny((byte)'\r', (byte)'\n')) < 0
                   || (_buffer[lineEnd] == '\r' && lineEnd + 1 == _length)) && !_ended)
        {
            // Without a line end yet, or with a CR whose LF may follow in the next read, read on.
            if (_length == _buffer.Length)
                Array.Resize(ref _buffer, _buffer.Length * 2);
            Fill();
        }

        if (lineEnd < 0)
            _headerLength = _length;
        else if (_buffer[lineEnd] == '\r' && lineEnd + 1 < _length && _buffer[lineEnd + 1] == '\n')
            _headerLength = lineEnd + 2;
        else
            _headerLength = lineEnd + 1;
        return (_buffer, _headerLength);
    }

    /// <summary>Reads and parses every record after the header, returning pixels and labels in file order.</summary>
    public (byte[] Pixels, byte[] Labels) ReadBody(CsvRecordParser recordParser)
    {
        var blocks = new Queue<Task<ImageRowBuffer>>();
        var parsed = new List<ImageRowBuffer>();
        try
        {
            ReadBlocks(recordParser, blocks, parsed);
        }
        catch
        {
            // Workers still parsing hold buffers and CPU, so they finish before the error is raised.
            foreach (var block in blocks)
                block.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            throw;
        }
        return Concatenate(parsed);
    }

    private void ReadBlocks(CsvRecordParser recordParser, Queue<Task<ImageRowBuffer>> blocks, List<ImageRowBuffer> parsed)
    {
        var linesBefore = 1;
        var pending = new byte[Math.Max(BlockSize, _length - _headerLength)];
        _buffer.AsSpan(_headerLength, _length - _headerLength).CopyTo(pending);
        _buffer = pending;
        _length -= _headerLength;

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            Fill();
            if (_ended && _length == 0)
                break;
            var cut = _ended ? _length : _buffer.AsSpan(0, _length).LastIndexOf((byte)'\n') + 1;
            if (cut == 0)
            {
                // One line longer than the buffer: grow it until the line end arrives.
                Array.Resize(ref _buffer, _buffer.Length * 2);
                continue;
            }

            var block = _buffer.AsSpan(0, cut);
            if (block.Contains((byte)'"'))
            {
                while (blocks.Count > 0)
                    parsed.Add(blocks.Dequeue().GetAwaiter().GetResult());
                parsed.Add(ReadRestInOrder(recordParser, linesBefore));
                return;
            }

            var lines = block.Count((byte)'\n');
            var (bytes, start) = (_buffer, linesBefore);
            // Each block gets a dedicated thread. The file's MD5 is computed on a thread-pool thread meanwhile, and a
            // pool with as many threads as cores would otherwise hold it back behind the parsing blocks.
            blocks.Enqueue(Task.Factory.StartNew(() => ParseBlock(bytes, cut, start, lines + 1, recordParser),
                _cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));
            linesBefore += lines;

            var next = new byte[Math.Max(BlockSize, _length - cut)];
            _buffer.AsSpan(cut, _length - cut).CopyTo(next);
            _buffer = next;
            _length -= cut;

            while (blocks.Count >= _maxBlocksInFlight || (blocks.Count > 0 && blocks.Peek().IsCompleted))
                parsed.Add(blocks.Dequeue().GetAwaiter().GetResult());
        }

        while (blocks.Count > 0)
            parsed.Add(blocks.Dequeue().GetAwaiter().GetResult());
    }

    private ImageRowBuffer ParseBlock(byte[] bytes, int length, int linesBefore, int maxRecords,
        CsvRecordParser recordParser)
    {
        using var text = new StreamReader(new MemoryStream(bytes, 0, length, writable: false), Encoding.UTF8,
            detectEncodingFromByteOrderMarks: false, CsvFormat.StreamBufferSize);
        return Parse(text, _quoteFreeConfiguration, linesBefore, maxRecords, recordParser);
    }

    // Reads what is left of the file into memory and parses it with one RFC 4180 parser, which follows quoted
    // fields over line ends.
    private ImageRowBuffer ReadRestInOrder(CsvRecordParser recordParser, int linesBefore)
    {
        var rest = new MemoryStream();
        rest.Write(_buffer, 0, _length);
        _input.Content.CopyTo(rest);
        rest.Position = 0;
        using var text = new StreamReader(rest, Encoding.UTF8, detectEncodingFromByteOrderMarks: false,
            CsvFormat.StreamBufferSize);
        return Parse(text, _configuration, linesBefore, maxRecords: 4096, recordParser);
    }

    private ImageRowBuffer Parse(TextReader text, CsvConfiguration configuration, int linesBefore, int maxRecords,
        CsvRecordParser recordParser)
    {
        var rows = new ImageRowBuffer(maxRecords);
        var pixels = new byte[ImageSet.PixelsPerImage];
        using var parser = new CsvParser(text, configuration);
        try
        {
            while (parser.Read())
            {
                if ((rows.Count & 255) == 0)
                    _cancellationToken.ThrowIfCancellationRequested();
                var label = recordParser.Parse(CsvFormat.Record(parser, linesBefore), pixels);
                rows.Add(label, pixels);
            }
        }
        catch (CsvHelperException e)
        {
            throw CsvFormat.InvalidCsv(_input.Path, e, linesBefore);
        }
        return rows;
    }

    private static (byte[] Pixels, byte[] Labels) Concatenate(List<ImageRowBuffer> parts)
    {
        var count = parts.Sum(part => part.Count);
        var pixels = new byte[(long)count * ImageSet.PixelsPerImage];
        var labels = new byte[count];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(pixels.AsSpan(offset * ImageSet.PixelsPerImage), labels.AsSpan(offset));
            offset += part.Count;
        }
        return (pixels, labels);
    }

    // Fills the buffer from the content stream, or up to the end of the content.
    private void Fill()
    {
        if (_ended)
            return;
        var read = _input.Content.ReadAtLeast(_buffer.AsSpan(_length), _buffer.Length - _length,
            throwOnEndOfStream: false);
        _length += read;
        if (_length < _buffer.Length)
            _ended = true;
    }
}
