using System.IO.Compression;
using System.Security.Cryptography;
using FashionMnist.Data;

namespace FashionMnist.Cli.DataFiles;

/// <summary>Compares a Fashion-MNIST file on disk with its published MD5 checksums.</summary>
internal static class FileChecksum
{
    /// <summary>
    /// Checks <paramref name="path"/> against <paramref name="published"/>. A gzip file (detected by its first two
    /// bytes) matches when its own MD5 is the published gzip MD5, or else when its decompressed content has the
    /// published content MD5, as for Debian's recompressed files. Any other file matches by content MD5.
    /// </summary>
    public static ChecksumResult Check(string path, OfficialFile published)
    {
        var fileMd5 = Md5(path, decompress: false);
        if (!IsGzip(path))
        {
            return fileMd5 == published.ContentMd5
                ? new ChecksumResult(true, fileMd5, published.ContentMd5, "ok")
                : new ChecksumResult(false, fileMd5, published.ContentMd5, "mismatch");
        }

        if (fileMd5 == published.GzipMd5)
            return new ChecksumResult(true, fileMd5, published.GzipMd5, "ok");
        if (fileMd5 == published.MnistGzipMd5)
            return new ChecksumResult(false, fileMd5, published.GzipMd5, "MNIST digits");

        var contentMd5 = Md5(path, decompress: true);
        return contentMd5 == published.ContentMd5
            ? new ChecksumResult(true, contentMd5, published.ContentMd5, "ok (content)")
            : new ChecksumResult(false, fileMd5, published.GzipMd5, "mismatch");
    }

    private static bool IsGzip(string path)
    {
        Span<byte> magic = stackalloc byte[2];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static string Md5(string path, bool decompress)
    {
        using var file = File.OpenRead(path);
        if (!decompress)
            return Convert.ToHexStringLower(MD5.HashData(file));

        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            return Convert.ToHexStringLower(MD5.HashData(gzip));
        }
        catch (InvalidDataException ex)
        {
            throw new DataException(
                $"{path}: the gzip data is damaged ({ex.Message}). Download the file again, e.g. with "
                + "fmnist data download.", ex);
        }
    }
}
