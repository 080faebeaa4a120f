using Microsoft.Extensions.Logging;

namespace FashionMnist.Data;

/// <summary>Log messages of the data layer, with stable event ids.</summary>
internal static partial class DataLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "{Path} is named .gz but its content is not gzip-compressed; reading it uncompressed")]
    public static partial void GzipNameButPlainContent(ILogger logger, string path);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "{Path} is gzip-compressed although its name does not end in .gz; decompressing it")]
    public static partial void GzipContentButPlainName(ILogger logger, string path);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "{Path} does not match the published checksum (MD5 {ActualMd5}, expected {ExpectedMd5}); "
            + "using it because data.verify_checksums is false")]
    public static partial void ChecksumMismatchIgnored(ILogger logger, string path, string actualMd5,
        string expectedMd5);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information,
        Message = "Read {Count} images from {Path} in {ElapsedMs} ms (MD5 {Md5}, verified {Verified})")]
    public static partial void ReadImages(ILogger logger, int count, string path, long elapsedMs, string md5,
        bool verified);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information,
        Message = "Using the data files in {Directory}, found through {Location}")]
    public static partial void UsingDirectory(ILogger logger, string directory, string location);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning,
        Message = "Skipped {Location}: {Reason}")]
    public static partial void SkippedLocation(ILogger logger, string location, string reason);
}
