namespace FashionMnist.Data;

/// <summary>A file a dataset was read from, with its checksum.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Md5">MD5 of the file's decompressed content, lowercase hex.</param>
/// <param name="Verified">True when the checksum matched the published one for this file name.</param>
public sealed record DataFile(string Path, string Md5, bool Verified);
