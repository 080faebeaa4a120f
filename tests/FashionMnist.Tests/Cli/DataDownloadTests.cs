using System.Net;
using System.Net.Sockets;
using FashionMnist.Cli;
using FashionMnist.Data;
using FashionMnist.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace FashionMnist.Tests.Cli;

/// <summary><c>fmnist data download</c> against a loopback server that serves generated files.</summary>
public sealed class DataDownloadTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly GeneratedDataFiles _files = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Download_WritesVerifiedFiles()
    {
        await using var server = await LoopbackFileServer.StartAsync(_files.Gzipped);

        var result = await DownloadAsync(server.BaseUrl);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var (name, bytes) in _files.Gzipped)
            Assert.Equal(bytes, File.ReadAllBytes(_directory.File(name)));
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.partial"));
        Assert.Equal(4, result.Lines.Count(l => l.EndsWith("MD5 ok", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Download_ProgressOnTerminal()
    {
        await using var server = await LoopbackFileServer.StartAsync(_files.Gzipped);

        var result = await Fmnist.RunOnTerminalAsync(services => services.AddSingleton(_files.Checksums),
            "data", "download", "--dir", _directory.Path, "--base-url", server.BaseUrl);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var (name, bytes) in _files.Gzipped)
        {
            Assert.Equal(bytes, File.ReadAllBytes(_directory.File(name)));
            Assert.Contains(name + " MD5 ok", result.Output);
        }
        Assert.DoesNotContain("downloading http", result.Output);
    }

    [Fact]
    public async Task Download_KeepsValidExistingFile()
    {
        var existing = OfficialFiles.TrainLabels.GzipName;
        _directory.Write(existing, _files.Gzipped[existing]);
        await using var server = await LoopbackFileServer.StartAsync(_files.Gzipped);

        var result = await DownloadAsync(server.BaseUrl);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.False(server.Requests.ContainsKey(existing));
        Assert.Equal(1, server.Requests[OfficialFiles.TrainImages.GzipName]);
        Assert.Contains(result.Lines, l => l.StartsWith(existing + ": already present", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Download_ChecksumMismatchLeavesNoFile()
    {
        var served = new Dictionary<string, byte[]>(_files.Gzipped)
        {
            [OfficialFiles.TrainLabels.GzipName] = TestImages.Gzip([1, 2, 3]),
        };
        await using var server = await LoopbackFileServer.StartAsync(served);

        var result = await DownloadAsync(server.BaseUrl);

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains("MD5 " + TestImages.Md5(served[OfficialFiles.TrainLabels.GzipName]), result.Output);
        Assert.True(File.Exists(_directory.File(OfficialFiles.TrainImages.GzipName)));
        Assert.False(File.Exists(_directory.File(OfficialFiles.TrainLabels.GzipName)));
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.partial"));
    }

    [Fact]
    public async Task Download_NotFoundIsDataError()
    {
        var served = new Dictionary<string, byte[]>(_files.Gzipped);
        served.Remove(OfficialFiles.TestLabels.GzipName);
        await using var server = await LoopbackFileServer.StartAsync(served);

        var result = await DownloadAsync(server.BaseUrl);

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains("HTTP 404", result.Output);
        Assert.Contains(OfficialFiles.TestLabels.GzipName, result.Output);
    }

    [Fact]
    public async Task Download_NoNetworkPointsToDebianPackage()
    {
        var result = await DownloadAsync($"http://127.0.0.1:{ClosedPort()}/");

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains("cannot reach 127.0.0.1", result.Output);
        Assert.Contains("apt-get install dataset-fashion-mnist", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        Assert.Empty(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public async Task Download_InvalidBaseUrlIsConfigError()
    {
        var result = await DownloadAsync("ftp://127.0.0.1/files/");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("--base-url", result.Output);
    }

    private Task<CliResult> DownloadAsync(string baseUrl) =>
        Fmnist.RunAsync(services => services.AddSingleton(_files.Checksums),
            "data", "download", "--dir", _directory.Path, "--base-url", baseUrl);

    /// <summary>Returns a loopback port that nothing listens on: one just released by a listener.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
