using Microsoft.Extensions.Logging;

namespace FashionMnist.Data;

/// <summary>Compares a file named like an official Fashion-MNIST file with the published checksums.</summary>
internal static class ChecksumVerifier
{
    /// <summary>
    /// Returns the record of a file that has been read to its end. A file with an official name is accepted when
    /// its gzip MD5 or its decompressed MD5 matches the published one; otherwise, with <paramref name="verify"/>,
    /// this throws <see cref="DataException"/>, and without it the file is recorded as not verified.
    /// </summary>
    public static DataFile Check(string path, bool isGzip, string fileMd5, string contentMd5, bool verify,
        IReadOnlyList<OfficialFile> officialFiles, ILogger logger)
    {
        var official = OfficialFiles.FindByName(path, officialFiles);
        if (official is null)
            return new DataFile(path, contentMd5, Verified: false);

        var matches = contentMd5 == official.ContentMd5 || (isGzip && fileMd5 == official.GzipMd5);
        if (matches)
            return new DataFile(path, contentMd5, Verified: true);

        if (verify)
            throw new DataException(DescribeMismatch(path, isGzip, fileMd5, contentMd5, official));

        DataLog.ChecksumMismatchIgnored(logger, path, contentMd5, official.ContentMd5);
        return new DataFile(path, contentMd5, Verified: false);
    }

    private static string DescribeMismatch(string path, bool isGzip, string fileMd5, string contentMd5,
        OfficialFile official)
    {
        var actual = isGzip
            ? $"the file has MD5 {fileMd5} and its decompressed content {contentMd5}"
            : $"the file has MD5 {contentMd5}";
        var identity = isGzip && fileMd5 == official.MnistGzipMd5
            ? "It is the MNIST handwritten digits file of the same name, not Fashion-MNIST."
            : "It is not the Fashion-MNIST file of that name: it may be MNIST digits, which use the same "
              + "file names, or a damaged or modified copy.";
        return $"{path}: checksum mismatch: {actual}, but the published {official.Name} has decompressed MD5 "
            + $"{official.ContentMd5} (gzip MD5 {official.GzipMd5}). {identity} Replace it with the Fashion-MNIST "
            + "file (sudo apt-get install dataset-fashion-mnist, or fmnist data download), or set "
            + "data.verify_checksums: false to use it anyway.";
    }
}
