using FashionMnist.Data;

namespace FashionMnist.Cli.DataFiles;

/// <summary>
/// The files that <c>data verify</c> and <c>data download</c> expect, with their published checksums. A service of
/// its own so that tests can serve generated files with their own checksums.
/// </summary>
/// <param name="Files">The four files in the order train images, train labels, test images, test labels.</param>
internal sealed record PublishedChecksums(IReadOnlyList<OfficialFile> Files)
{
    /// <summary>The Fashion-MNIST files as Zalando Research publishes them.</summary>
    public static PublishedChecksums Official { get; } = new(OfficialFiles.All);
}
