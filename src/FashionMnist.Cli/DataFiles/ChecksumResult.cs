namespace FashionMnist.Cli.DataFiles;

/// <summary>How a file compares with the published checksums of its name.</summary>
/// <param name="Matches">True when the file or its decompressed content has the published MD5.</param>
/// <param name="Md5">The MD5 that was compared: of the file, or of its decompressed content, lowercase hex.</param>
/// <param name="Expected">The published MD5 that <paramref name="Md5"/> was compared with.</param>
/// <param name="Verdict">One word or phrase for tables: ok, ok (content), mismatch, MNIST digits.</param>
internal sealed record ChecksumResult(bool Matches, string Md5, string Expected, string Verdict);
