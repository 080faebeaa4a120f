using FashionMnist.Cli.DataFiles;
using FashionMnist.Data;
using FashionMnist.Tests.Data;

namespace FashionMnist.Tests.Cli;

/// <summary>
/// The four data files made from generated images, gzipped, with checksums in the form of the published
/// ones, so <c>data verify</c> and <c>data download</c> can be tested on files that match.
/// </summary>
internal sealed class GeneratedDataFiles
{
    public GeneratedDataFiles()
    {
        var train = TestImages.Create(12, seed: 1);
        var test = TestImages.Create(7, seed: 2);
        var contents = new[]
        {
            TestImages.ImagesIdx(train), TestImages.LabelsIdx(train), TestImages.ImagesIdx(test),
            TestImages.LabelsIdx(test),
        };

        var files = new List<OfficialFile>();
        for (var i = 0; i < contents.Length; i++)
        {
            var name = OfficialFiles.All[i].Name;
            var gzip = TestImages.Gzip(contents[i]);
            Gzipped[name + ".gz"] = gzip;
            Raw[name] = contents[i];
            files.Add(new OfficialFile(name, TestImages.Md5(gzip), TestImages.Md5(contents[i]), new string('0', 32)));
        }
        Checksums = new PublishedChecksums(files);
    }

    /// <summary>Gzipped content by published file name, such as <c>train-images-idx3-ubyte.gz</c>.</summary>
    public Dictionary<string, byte[]> Gzipped { get; } = new();

    /// <summary>Uncompressed content by standard name, such as <c>train-images-idx3-ubyte</c>.</summary>
    public Dictionary<string, byte[]> Raw { get; } = new();

    /// <summary>
    /// The checksums of <see cref="Gzipped"/> and <see cref="Raw"/>, to register instead of the official ones.
    /// </summary>
    public PublishedChecksums Checksums { get; }
}
