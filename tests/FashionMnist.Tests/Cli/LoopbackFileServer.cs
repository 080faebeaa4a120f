using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tests.Cli;

/// <summary>An HTTP server on 127.0.0.1 and a free port that serves fixed files under <c>/files/</c>.</summary>
internal sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackFileServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The URL of the files folder, ending in <c>/files/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Number of requests per file name, including names that were not found.</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    public static async Task<LoopbackFileServer> StartAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        LoopbackFileServer? server = null;
        app.MapGet("/files/{name}", (string name) =>
        {
            server!.Requests.AddOrUpdate(name, 1, (_, count) => count + 1);
            return files.TryGetValue(name, out var bytes)
                ? Results.Bytes(bytes, "application/gzip")
                : Results.NotFound();
        });
        await app.StartAsync();
        server = new LoopbackFileServer(app, app.Urls.Single() + "/files/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
