using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>
/// An MLflow 2.17.2 tracking server stand-in: a real Kestrel host on 127.0.0.1 that responds like the recorded
/// server and keeps its state in memory. Switches inject faults: stop listening, delays, error statuses with or
/// without Retry-After, required credentials, and an experiment created by "another client" mid-request.
/// </summary>
internal sealed class FakeMlflowServer : IAsyncDisposable
{
    private const string NotFoundPage =
        "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was "
        + "not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n";

    private const string MethodNotAllowedPage =
        "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n"
        + "<p>The method is not allowed for the requested URL.</p>\n";

    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<Fault> _faults = [];
    private readonly X509Certificate2? _certificate;
    private WebApplication? _app;
    private int _port;
    private string? _createOnLookup;

    private FakeMlflowServer(string artifactRoot, X509Certificate2? certificate)
    {
        Store = new FakeMlflowStore(artifactRoot);
        _certificate = certificate;
    }

    public FakeMlflowStore Store { get; }

    /// <summary>Root URI, such as http://127.0.0.1:41234/.</summary>
    public Uri Uri => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{_port}/");

    /// <summary>Time every request waits before the response.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Exact Authorization header every request needs; others get 401. Default none.</summary>
    public string? RequiredAuthorization { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
                return _requests.ToList();
        }
    }

    /// <summary>
    /// Starts a server; <paramref name="artifactRoot"/> is where experiments keep artifacts, and a
    /// <paramref name="certificate"/> makes it serve https.
    /// </summary>
    public static async Task<FakeMlflowServer> StartAsync(
        string artifactRoot = "mlflow-artifacts:",
        X509Certificate2? certificate = null)
    {
        var server = new FakeMlflowServer(artifactRoot, certificate);
        await server.ListenAsync();
        return server;
    }

    /// <summary>
    /// Requests whose path (without query) ends with <paramref name="suffix"/>, such as runs/log-batch.
    /// </summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string suffix) =>
        Requests.Where(r => r.Path.Split('?')[0].EndsWith(suffix, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Fails the next <paramref name="count"/> requests whose path contains <paramref name="pathContains"/> with
    /// <paramref name="status"/>.
    /// </summary>
    public void FailNext(int count, int status, string? pathContains = null, TimeSpan? retryAfter = null)
    {
        lock (_lock)
            _faults.Add(new Fault(status, pathContains, retryAfter) { Remaining = count });
    }

    /// <summary>
    /// Creates the experiment right after the next lookup of its name misses, as a concurrent client would.
    /// </summary>
    public void CreateExperimentOnNextLookup(string name) => _createOnLookup = name;

    /// <summary>Stops listening; connections are refused until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>Listens again on the same port, with the same state.</summary>
    public Task RestartAsync() => _app is null ? ListenAsync() : Task.CompletedTask;

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, _port, listen =>
        {
            if (_certificate is not null)
                listen.UseHttps(_certificate);
        }));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        _port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToString();
        var recorded = new RecordedRequest(
            request.Method,
            request.Path + request.QueryString,
            rawTarget,
            request.ContentType,
            request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            buffer.ToArray(),
            DateTimeOffset.UtcNow);
        lock (_lock)
            _requests.Add(recorded);

        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, context.RequestAborted);

        var response = TakeFault(recorded) ?? CheckAuthorization(request) ?? Dispatch(recorded, request);
        recorded.Status = response.Status;
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
            context.Response.Headers[name] = value;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private ServerResponse? TakeFault(RecordedRequest request)
    {
        lock (_lock)
        {
            var fault = _faults.FirstOrDefault(
                f => f.Remaining > 0 && (f.PathContains is null || request.Path.Contains(f.PathContains)));
            if (fault is null)
                return null;
            fault.Remaining--;
            var headers = fault.RetryAfter is { } wait
                ? new Dictionary<string, string> { ["Retry-After"] = ((int)wait.TotalSeconds).ToString() }
                : [];
            return fault.Status switch
            {
                429 => ServerResponse.Json(429, FakeMlflowJson.Error("REQUEST_LIMIT_EXCEEDED", "Too many requests."))
                    with { Headers = headers },
                500 => ServerResponse.Json(500, FakeMlflowJson.Error("INTERNAL_ERROR", "Injected failure."))
                    with { Headers = headers },
                _ => ServerResponse.Text(fault.Status, $"<html><h1>{fault.Status} Injected</h1></html>", "text/html")
                    with { Headers = headers },
            };
        }
    }

    private ServerResponse? CheckAuthorization(HttpRequest request)
    {
        if (RequiredAuthorization is null || request.Headers.Authorization.ToString() == RequiredAuthorization)
            return null;
        const string message = "You are not authenticated. Please see the MLflow documentation on how to authenticate.";
        return ServerResponse.Text(401, message, "text/plain")
            with { Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"mlflow\"" } };
    }

    private ServerResponse Dispatch(RecordedRequest recorded, HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        try
        {
            lock (Store.SyncRoot)
            {
                return path switch
                {
                    "/health" => Page(request, "OK"),
                    "/version" => Page(request, "2.17.2"),
                    "/get-artifact" => DownloadForRun(request),
                    _ when path == FakeMlflowArtifacts.ProxyRoot
                        || path.StartsWith(FakeMlflowArtifacts.ProxyRoot + "/", StringComparison.Ordinal)
                        => Artifact(recorded, request),
                    _ when path.StartsWith(FakeMlflowApi.Root, StringComparison.Ordinal)
                        && FakeMlflowApi.Endpoints.TryGetValue(path[FakeMlflowApi.Root.Length..], out var endpoint)
                        => CallApi(endpoint, recorded, request),
                    _ => ServerResponse.Text(404, NotFoundPage, "text/html; charset=utf-8"),
                };
            }
        }
        catch (FakeMlflowError e)
        {
            return ServerResponse.Json(e.Status, FakeMlflowJson.Error(e.ErrorCode, e.Message));
        }
    }

    private ServerResponse CallApi(
        (string Method, FakeMlflowApi.Handler Handle) endpoint,
        RecordedRequest recorded,
        HttpRequest request)
    {
        if (request.Method != endpoint.Method)
            return MethodNotAllowed();
        if (endpoint.Method == "POST" && !IsJson(request.ContentType))
            throw FakeMlflowError.InvalidParameter("Bad Request. Content-Type must be one of ['application/json'].");
        if (recorded.Path.Contains("runs/log-batch") && recorded.Body.Length > 1_000_000)
        {
            throw FakeMlflowError.InvalidParameter(
                "Batched logging API requests must be at most 1000000 bytes, got a request of size "
                + $"{recorded.Body.Length}.");
        }

        var call = new FakeCall(request.Query, FakeCall.ParseBody(recorded.Body));
        try
        {
            return ServerResponse.Json(200, FakeMlflowJson.Render(endpoint.Handle(Store, call)));
        }
        finally
        {
            // The lookup has its response (not found). Now the other client's create lands before ours.
            var isLookup = request.Path.Value!.EndsWith("experiments/get-by-name", StringComparison.Ordinal);
            if (_createOnLookup is { } name && isLookup && call.OptionalQuery("experiment_name") == name)
            {
                _createOnLookup = null;
                CreatePendingExperiment(name);
            }
        }
    }

    private ServerResponse Artifact(RecordedRequest recorded, HttpRequest request)
    {
        var path = request.Path.Value!;
        if (path == FakeMlflowArtifacts.ProxyRoot)
        {
            return request.Method == "GET"
                ? ServerResponse.Json(200, ListProxy(request))
                : MethodNotAllowed();
        }

        // Kestrel removes dot segments from the path, so traversal is checked on the request line as sent.
        var rawPath = Uri.UnescapeDataString(recorded.RawTarget.Split('?')[0]);
        var relative = rawPath[(FakeMlflowArtifacts.ProxyRoot.Length + 1)..];
        if (FakeMlflowArtifacts.IsTraversal(relative))
            throw FakeMlflowError.InvalidParameter("Invalid path");

        switch (request.Method)
        {
            case "PUT":
                Store.Artifacts[relative] = recorded.Body;
                return ServerResponse.Json(200, "{}");
            case "GET" when Store.Artifacts.TryGetValue(relative, out var bytes):
                return Download(relative, bytes);
            case "GET":
                throw new FakeMlflowError(500, "INTERNAL_ERROR",
                    "The following failures occurred while downloading one or more artifacts from /fake/artifacts:\n"
                    + $"##### File {relative} #####\n"
                    + $"[Errno 2] No such file or directory: '/fake/artifacts/{relative}'");
            default:
                return MethodNotAllowed();
        }
    }

    private ServerResponse DownloadForRun(HttpRequest request)
    {
        var run = Store.Run(request.Query["run_id"].ToString());
        var relative = FakeMlflowArtifacts.ProxyPathOf(run.ArtifactUri) + "/" + request.Query["path"];
        return Store.Artifacts.TryGetValue(relative, out var bytes)
            ? Download(relative, bytes)
            : ServerResponse.Text(404, NotFoundPage, "text/html; charset=utf-8");
    }

    private static ServerResponse Download(string path, byte[] bytes) =>
        new(200, FakeMlflowArtifacts.ContentTypeOf(path), bytes,
            new Dictionary<string, string>
            {
                ["Content-Disposition"] = $"attachment; filename={Path.GetFileName(path)}",
            });

    private void CreatePendingExperiment(string name)
    {
        if (Store.ExperimentByName(name) is null)
            Store.CreateExperiment(name, []);
    }

    private static bool IsJson(string? contentType) =>
        contentType?.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase) == true;

    private string ListProxy(HttpRequest request) =>
        FakeMlflowJson.Render(FakeMlflowArtifacts.ListProxy(Store, request.Query["path"]));

    private static ServerResponse MethodNotAllowed() =>
        ServerResponse.Text(405, MethodNotAllowedPage, "text/html; charset=utf-8");

    private static ServerResponse Page(HttpRequest request, string text) =>
        request.Method == "GET" ? ServerResponse.Text(200, text, "text/html; charset=utf-8") : MethodNotAllowed();

    private sealed record Fault(int Status, string? PathContains, TimeSpan? RetryAfter)
    {
        public int Remaining { get; set; }
    }

    private sealed record ServerResponse(
        int Status,
        string ContentType,
        byte[] Body,
        IReadOnlyDictionary<string, string> Headers)
    {
        public static ServerResponse Json(int status, string json) =>
            new(status, "application/json", Encoding.UTF8.GetBytes(json), new Dictionary<string, string>());

        public static ServerResponse Text(int status, string text, string contentType) =>
            new(status, contentType, Encoding.UTF8.GetBytes(text), new Dictionary<string, string>());
    }
}
