using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Data;

/// <summary>
/// An open data file that computes the MD5 of the file and of its decompressed content while it is read.
/// Content that starts with the gzip magic bytes 1f 8b is decompressed, whatever the file name.
/// </summary>
internal sealed class DataFileInput : IDisposable
{
    private const int FileBufferSize = 1 << 16;
    private const int GzipMinimumLength = 18;

    private readonly HashingStream _file;
    private readonly HashingStream _content;

    private DataFileInput(string path, HashingStream file, HashingStream content, bool isGzip)
    {
        Path = path;
        _file = file;
        _content = content;
        IsGzip = isGzip;
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>True when the file content starts with the gzip magic bytes.</summary>
    public bool IsGzip { get; }

    /// <summary>The decompressed content; the raw file when it is not gzip.</summary>
    public Stream Content => _content;

    /// <summary>Offset in the decompressed content of the next byte to be read.</summary>
    public long ContentOffset => _content.BytesRead;

    /// <summary>"gzip-compressed" or "uncompressed", for messages.</summary>
    public string Kind => IsGzip ? "gzip-compressed" : "uncompressed";

    /// <summary>
    /// Opens <paramref name="path"/>, or throws <see cref="DataException"/> when it is missing, unreadable or empty.
    /// </summary>
    public static DataFileInput Open(string path, ILogger logger)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var stream = OpenFile(fullPath);
        try
        {
            if (stream.Length == 0)
                throw new DataException($"{fullPath}: the file is empty (0 bytes). Replace it with a complete copy.");

            var isGzip = StartsWithGzipMagic(stream);
            WarnWhenNameDisagrees(fullPath, isGzip, logger);
            return Create(fullPath, stream, isGzip);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads and counts the content bytes left after the current position.</summary>
    public long CountRemainingContent()
    {
        var buffer = new byte[FileBufferSize];
        long count = 0;
        int read;
        while ((read = _content.Read(buffer)) > 0)
            count += read;
        return count;
    }

    /// <summary>
    /// Reads the rest of the file and returns the MD5 of the file and of its decompressed content, lowercase hex.
    /// Throws <see cref="DataException"/> when a gzip trailer does not match the decompressed length.
    /// </summary>
    public (string FileMd5, string ContentMd5) Finish()
    {
        // Callers that must reject trailing content count it first; here it only has to reach the hashes.
        CountRemainingContent();
        if (IsGzip)
        {
            // GZipStream may stop before the underlying file ends; the file MD5 must cover every byte.
            _file.CopyTo(Stream.Null);
            CheckGzipTrailer();
        }
        return (_file.CompleteMd5(), IsGzip ? _content.CompleteMd5() : _file.CompleteMd5());
    }

    /// <summary>Describes where the content ended early, for a truncation message.</summary>
    public string DescribeEarlyEnd() => IsGzip
        ? $"the gzip stream ends after {ContentOffset} decompressed bytes ({_file.BytesRead} compressed bytes read), "
          + "so the file is probably an incomplete download"
        : $"the file ends after {ContentOffset} bytes";

    public void Dispose() => _content.Dispose();

    private static FileStream OpenFile(string fullPath)
    {
        if (Directory.Exists(fullPath))
            throw new DataException($"{fullPath} is a directory, not a data file. Name the file itself.");
        try
        {
            return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize,
                FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            throw new DataException($"{fullPath}: file not found. Check the path, or download the data set.");
        }
        catch (DirectoryNotFoundException)
        {
            throw new DataException($"{fullPath}: file not found (its directory does not exist). Check the path.");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException($"{fullPath}: the file cannot be read ({e.Message}). Check its permissions.", e);
        }
    }

    private static bool StartsWithGzipMagic(FileStream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static void WarnWhenNameDisagrees(string fullPath, bool isGzip, ILogger logger)
    {
        var nameEndsInGz = fullPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (nameEndsInGz && !isGzip)
            DataLog.GzipNameButPlainContent(logger, fullPath);
        else if (!nameEndsInGz && isGzip)
            DataLog.GzipContentButPlainName(logger, fullPath);
    }

    private static DataFileInput Create(string fullPath, FileStream stream, bool isGzip)
    {
        var file = new HashingStream(stream);
        if (!isGzip)
            return new DataFileInput(fullPath, file, file, isGzip: false);

        var gzip = new GZipStream(file, CompressionMode.Decompress);
        HashingStream? content = null;
        content = new HashingStream(gzip, e => new DataException(
            $"{fullPath}: invalid gzip data after {content!.BytesRead} decompressed bytes ({file.BytesRead} "
            + $"compressed bytes read): {e.Message} The file is damaged; download it again.", e));
        return new DataFileInput(fullPath, file, content, isGzip: true);
    }

    private void CheckGzipTrailer()
    {
        // The last 4 bytes of a gzip file hold the decompressed length modulo 2^32. GZipStream (.NET 10) ends
        // without an error when the compressed data stop early, so this is what reveals a cut-off file.
        // NOTE: a file of several concatenated gzip members records only its last member's length here,
        // so such a file is reported as damaged.
        var tail = _file.Tail;
        var recorded = _file.BytesRead >= GzipMinimumLength && tail.Length == HashingStream.TailLength
            ? BinaryPrimitives.ReadUInt32LittleEndian(tail[4..])
            : (uint?)null;
        if (recorded == (uint)_content.BytesRead)
            return;

        var trailer = recorded is null ? "no complete trailer" : $"a trailer recording {recorded} bytes";
        throw new DataException(
            $"{Path}: truncated gzip file: {_file.BytesRead} compressed bytes decompress to {_content.BytesRead} "
            + $"bytes, but the file has {trailer}. The file is incomplete or damaged; download it again.");
    }
}
