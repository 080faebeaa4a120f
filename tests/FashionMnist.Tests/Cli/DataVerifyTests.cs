using System.IO.Compression;
using FashionMnist.Cli;
using FashionMnist.Data;
using FashionMnist.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace FashionMnist.Tests.Cli;

/// <summary>
/// <c>fmnist data verify</c> on generated files, against their own checksums and against the official ones.
/// </summary>
public sealed class DataVerifyTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly GeneratedDataFiles _files = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Verify_MatchingFilesPass()
    {
        WriteAll();
        // An uncompressed file is checked by its content MD5 and wins over a .gz beside it.
        _directory.Write(OfficialFiles.TestLabelsName, _files.Raw[OfficialFiles.TestLabelsName]);

        var result = await VerifyAsync();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var labels = result.Lines.Single(
            l => l.StartsWith(OfficialFiles.TestLabelsName + " ", StringComparison.Ordinal));
        Assert.Contains(TestImages.Md5(_files.Raw[OfficialFiles.TestLabelsName]), labels);
        Assert.Equal(4, result.Lines.Count(l => l.TrimEnd().EndsWith(" ok", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verify_RecompressedFileMatchesByContent()
    {
        WriteAll();
        var name = OfficialFiles.TrainImages.GzipName;
        var recompressed = RecompressSlowest(_files.Raw[OfficialFiles.TrainImagesName]);
        Assert.NotEqual(TestImages.Md5(_files.Gzipped[name]), TestImages.Md5(recompressed));
        _directory.Write(name, recompressed);

        var result = await VerifyAsync();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("ok (content)", result.Lines.Single(l => l.StartsWith(name, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verify_MismatchIsDataError()
    {
        WriteAll();

        var result = await Fmnist.RunAsync("data", "verify", "--dir", _directory.Path);

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Equal(4, result.Lines.Count(l => l.Contains("mismatch", StringComparison.Ordinal)));
        Assert.Contains(OfficialFiles.TrainImages.GzipMd5, result.Output);
        Assert.Contains("apt-get install dataset-fashion-mnist", result.Output);
    }

    [Fact]
    public async Task Verify_MissingFileIsDataError()
    {
        WriteAll();
        File.Delete(_directory.File(OfficialFiles.TestImages.GzipName));

        var result = await VerifyAsync();

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains("missing", result.Lines.Single(l => l.StartsWith(OfficialFiles.TestImages.GzipName,
            StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verify_MissingDirIsDataError()
    {
        var result = await Fmnist.RunAsync("data", "verify", "--dir", _directory.File("nowhere"));

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains("nowhere", result.Output);
    }

    private void WriteAll()
    {
        foreach (var (name, bytes) in _files.Gzipped)
            _directory.Write(name, bytes);
    }

    private Task<CliResult> VerifyAsync() =>
        Fmnist.RunAsync(services => services.AddSingleton(_files.Checksums),
            "data", "verify", "--dir", _directory.Path);

    private static byte[] RecompressSlowest(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
            gzip.Write(raw);
        return output.ToArray();
    }
}
