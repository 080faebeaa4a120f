namespace FashionMnist.Data;

/// <summary>
/// A read-only stream that feeds every byte it passes on into an MD5 hash on a worker thread, so a file is
/// checksummed in the same pass that parses it. It also keeps the last 8 bytes read, the trailer of a gzip file.
/// </summary>
internal sealed class HashingStream : Stream
{
    public const int TailLength = 8;

    private readonly Stream _inner;
    private readonly BackgroundMd5 _hash = new();
    private readonly Func<InvalidDataException, Exception>? _translateInvalidData;
    private readonly byte[] _tail = new byte[TailLength];
    private int _tailCount;

    /// <param name="inner">The stream to read from; disposed with this stream.</param>
    /// <param name="translateInvalidData">
    /// Turns a decompression failure of <paramref name="inner"/> into the exception to raise; null to let it pass.
    /// </param>
    public HashingStream(Stream inner, Func<InvalidDataException, Exception>? translateInvalidData = null)
    {
        _inner = inner;
        _translateInvalidData = translateInvalidData;
    }

    /// <summary>Number of bytes read so far, which is the offset of the next byte.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The last bytes read, up to <see cref="TailLength"/>, oldest first.</summary>
    public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, _tailCount);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Returns the MD5 of everything read, as lowercase hex; no more can be read afterwards.</summary>
    public string CompleteMd5() => _hash.Complete();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inner.Read(buffer);
        }
        catch (InvalidDataException e) when (_translateInvalidData is not null)
        {
            throw _translateInvalidData(e);
        }

        var bytes = buffer[..read];
        _hash.Append(bytes);
        RememberTail(bytes);
        BytesRead += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }

    private void RememberTail(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= TailLength)
        {
            bytes[^TailLength..].CopyTo(_tail);
            _tailCount = TailLength;
            return;
        }

        var keep = Math.Min(_tailCount, TailLength - bytes.Length);
        _tail.AsSpan(_tailCount - keep, keep).CopyTo(_tail);
        bytes.CopyTo(_tail.AsSpan(keep));
        _tailCount = keep + bytes.Length;
    }
}
