using System.Text.Json.Nodes;

namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>
/// The artifact endpoints: the proxy under <c>/api/2.0/mlflow-artifacts/artifacts</c>, the run listing and the UI
/// download.
/// </summary>
internal static class FakeMlflowArtifacts
{
    public const string ProxyRoot = "/api/2.0/mlflow-artifacts/artifacts";

    /// <summary>GET api/2.0/mlflow/artifacts/list?run_id=&amp;path=</summary>
    public static JsonNode ListForRun(FakeMlflowStore store, FakeCall call)
    {
        var run = store.Run(call.RequiredQuery("run_id"));
        var sub = call.OptionalQuery("path")?.Trim('/') ?? "";
        var root = ProxyPathOf(run.ArtifactUri);
        var entries = List(store, sub.Length == 0 ? root : root + "/" + sub)
            .Select(e => (JsonNode)Entry(sub.Length == 0 ? e.Name : sub + "/" + e.Name, e.Size))
            .ToArray();
        var json = new JsonObject { ["root_uri"] = run.ArtifactUri };
        if (entries.Length > 0)
            json["files"] = new JsonArray(entries);
        return json;
    }

    /// <summary>GET api/2.0/mlflow-artifacts/artifacts?path=</summary>
    public static JsonNode ListProxy(FakeMlflowStore store, string? path)
    {
        var entries = List(store, (path ?? "").Trim('/')).Select(e => (JsonNode)Entry(e.Name, e.Size)).ToArray();
        return entries.Length == 0 ? new JsonObject() : new JsonObject { ["files"] = new JsonArray(entries) };
    }

    /// <summary>The path under the proxy root of a run's <c>mlflow-artifacts:</c> URI.</summary>
    public static string ProxyPathOf(string artifactUri) =>
        artifactUri.StartsWith("mlflow-artifacts:", StringComparison.Ordinal)
            ? artifactUri["mlflow-artifacts:".Length..].TrimStart('/')
            : artifactUri;

    /// <summary>True when a proxy path (already percent-decoded) would leave the artifact root.</summary>
    public static bool IsTraversal(string decodedPath) =>
        decodedPath.Split('/').Any(segment => segment is ".." or ".") || decodedPath.StartsWith('/');

    public static string ContentTypeOf(string path) => Path.GetExtension(path) switch
    {
        ".txt" => "text/plain",
        ".json" => "application/json",
        ".csv" => "text/csv",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    private static JsonObject Entry(string path, long? size)
    {
        var json = new JsonObject { ["path"] = path, ["is_dir"] = size is null };
        if (size is { } bytes)
            json["file_size"] = bytes;
        return json;
    }

    private static IEnumerable<(string Name, long? Size)> List(FakeMlflowStore store, string directory)
    {
        var prefix = directory + "/";
        var children = new SortedDictionary<string, long?>(StringComparer.Ordinal);
        foreach (var (path, bytes) in store.Artifacts)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/');
            if (slash < 0)
                children[rest] = bytes.LongLength;
            else
                children[rest[..slash]] = null;
        }
        return children.Select(c => (c.Key, c.Value));
    }
}
