namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>Where a run's artifacts go: the server's artifact proxy or a local folder.</summary>
/// <param name="ProxySegments">Path segments under the proxy root, such as <c>1</c>, <c>&lt;run id&gt;</c>,
/// <c>artifacts</c>.</param>
/// <param name="LocalDirectory">Folder of a <c>file:</c> location, or null for the proxy.</param>
internal sealed record MlflowArtifactLocation(IReadOnlyList<string> ProxySegments, string? LocalDirectory)
{
    private const string ProxyScheme = "mlflow-artifacts:";

    /// <summary>
    /// Reads a run's <c>artifact_uri</c>. Throws <see cref="MlflowException"/> for a scheme this client cannot
    /// write, such as <c>s3:</c>, naming the server setting that avoids it.
    /// </summary>
    public static MlflowArtifactLocation Parse(string artifactUri, Uri trackingUri)
    {
        if (artifactUri.StartsWith(ProxyScheme, StringComparison.OrdinalIgnoreCase))
        {
            var path = artifactUri[ProxyScheme.Length..];
            // NOTE: a mlflow-artifacts://host:port/... URI names a proxy host; requests still go to the tracking
            // server.
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                var slash = path.IndexOf('/', 2);
                path = slash < 0 ? "" : path[slash..];
            }
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(Uri.UnescapeDataString)
                .ToList();
            return new MlflowArtifactLocation(segments, null);
        }

        if (artifactUri.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(artifactUri, UriKind.Absolute, out var fileUri))
        {
            return new MlflowArtifactLocation([], fileUri.LocalPath);
        }
        if (Path.IsPathFullyQualified(artifactUri))
            return new MlflowArtifactLocation([], artifactUri);

        var scheme = artifactUri.Contains(':') ? artifactUri[..artifactUri.IndexOf(':')] : "(none)";
        throw new MlflowException(
            $"MLflow server {trackingUri} keeps this run's artifacts at '{artifactUri}' (scheme '{scheme}'), which "
            + "fmnist cannot write to. Start the server with artifact proxying ('mlflow server --serve-artifacts', "
            + "the default since MLflow 2.0, with no --default-artifact-root pointing to the store) so that runs get "
            + "mlflow-artifacts: URIs, or use a file: artifact root on a shared disk. The artifacts stay in the run "
            + "folder.");
    }

    /// <summary>
    /// Splits a relative artifact path into segments; throws <see cref="ArgumentException"/> when it is not one.
    /// </summary>
    public static IReadOnlyList<string> SplitArtifactPath(string artifactPath)
    {
        var segments = artifactPath.Split('/');
        if (artifactPath.Length == 0 || artifactPath.Contains('\\')
            || segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            throw new ArgumentException(
                $"Artifact path '{artifactPath}' is not a relative path of '/'-separated names without '.' or '..'.",
                nameof(artifactPath));
        }
        return segments;
    }

    /// <summary>Returns the Content-Type sent with an uploaded file, from its extension.</summary>
    public static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".log" or ".md" or ".yaml" or ".yml" => "text/plain",
        ".csv" => "text/csv",
        ".json" => "application/json",
        ".html" => "text/html",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
