using System.Text.Json;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// Turns an error response of the tracking server into an <see cref="MlflowApiException"/> that says what to do.
/// </summary>
internal static class MlflowErrorResponse
{
    /// <summary>
    /// Reads the body of <paramref name="response"/>: MLflow's JSON <c>{"error_code", "message"}</c>, or the HTML page
    /// of an unknown endpoint or method. <paramref name="endpoint"/> is the request's method and path.
    /// </summary>
    public static async Task<MlflowApiException> ReadAsync(
        HttpResponseMessage response,
        string endpoint,
        Uri trackingUri,
        bool hasCredentials,
        CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "unknown";
        var (errorCode, serverMessage) = ParseError(text, mediaType);
        var status = (int)response.StatusCode;
        var message = (status, errorCode) switch
        {
            (401 or 403, _) => $"MLflow server {trackingUri} rejected {endpoint} with HTTP {status}. "
                + AuthenticationAdvice(status, hasCredentials),
            (404 or 405, null) => $"MLflow server {trackingUri} has no endpoint {endpoint} (HTTP {status}, "
                + $"{mediaType} page). Check that the tracking URI is the root address of an MLflow 2.x tracking "
                + "server and, for artifacts, that the server proxies them ('mlflow server --serve-artifacts').",
            (_, null) => $"MLflow server {trackingUri} responded to {endpoint} with HTTP {status}: {Shorten(text)}",
            _ => $"MLflow server {trackingUri} rejected {endpoint}: {errorCode}: {serverMessage}",
        };
        return new MlflowApiException(message, response.StatusCode, errorCode, serverMessage, endpoint);
    }

    /// <summary>Returns at most 300 characters of <paramref name="text"/>, for messages.</summary>
    public static string Shorten(string text) =>
        text.Length <= 300 ? text.Trim() : string.Concat(text.AsSpan(0, 300).Trim(), "...");

    private static (string? ErrorCode, string? Message) ParseError(string text, string mediaType)
    {
        if (mediaType != "application/json")
            return (null, null);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_code", out var code))
            {
                var message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
                return (code.GetString(), message);
            }
        }
        catch (JsonException)
        {
            // Not MLflow's error format; the caller reports the body as it is.
        }
        return (null, null);
    }

    private static string AuthenticationAdvice(int status, bool hasCredentials)
    {
        if (status == 403 && hasCredentials)
            return "The credentials were accepted but lack permission for this operation; ask the server's admin.";
        return hasCredentials
            ? "Check MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD."
            : "The server needs credentials: set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and "
                + "MLFLOW_TRACKING_PASSWORD.";
    }
}
