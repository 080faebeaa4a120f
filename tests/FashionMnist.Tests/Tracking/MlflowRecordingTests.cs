using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FashionMnist.Tests.Tracking.Fakes;

namespace FashionMnist.Tests.Tracking;

/// <summary>Replays exchanges recorded from a real MLflow 2.17.2 server against the fake server.</summary>
public sealed partial class MlflowRecordingTests
{
    private static readonly string RecordingsPath =
        Path.Combine(AppContext.BaseDirectory, "Tracking", "Recordings", "mlflow-2.17.2-exchanges.jsonl");

    // Server clocks, and messages that quote SQL statements with times or the server's disk paths.
    private static readonly HashSet<string> ServerTimeKeys = ["creation_time", "last_update_time"];
    private static readonly HashSet<string> MessagesWithServerDetails =
    [
        "03_experiments-create_existing-name",
        "E60_experiments-create_name-of-deleted",
        "30_artifacts-proxy-download_missing",
    ];

    [Fact]
    public async Task FakeServer_AnswersLikeRecordedServer()
    {
        await using var server = await FakeMlflowServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Uri };
        var ids = new Dictionary<string, string>();
        var mismatches = new List<string>();

        foreach (var line in File.ReadLines(RecordingsPath))
        {
            using var document = JsonDocument.Parse(line);
            var exchange = document.RootElement;
            var name = exchange.GetProperty("case").GetString()!;
            using var request = BuildRequest(exchange, server.Uri, ids);
            using var response = await http.SendAsync(request);
            var actualText = await response.Content.ReadAsStringAsync();

            var expectedStatus = exchange.GetProperty("status").GetInt32();
            if ((int)response.StatusCode != expectedStatus)
            {
                mismatches.Add($"{name}: status {(int)response.StatusCode}, recorded {expectedStatus}: {actualText}");
                continue;
            }
            var expectedType = exchange.GetProperty("response_content_type").GetString()!.Split(';')[0];
            var actualType = response.Content.Headers.ContentType?.MediaType;
            if (actualType != expectedType)
                mismatches.Add($"{name}: content type {actualType}, recorded {expectedType}");

            var expectedText = exchange.GetProperty("response_body").GetString() ?? "";
            if (expectedType == "application/json")
            {
                LearnIds(exchange, expectedText, actualText, ids);
                using var expected = JsonDocument.Parse(Substitute(expectedText, ids));
                using var actual = JsonDocument.Parse(actualText);
                Compare(name, "$", expected.RootElement, actual.RootElement, mismatches);
            }
            else if (Substitute(expectedText, ids) != actualText)
            {
                mismatches.Add($"{name}: body '{actualText}', recorded '{expectedText}'");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static HttpRequestMessage BuildRequest(JsonElement exchange, Uri root, Dictionary<string, string> ids)
    {
        var path = Substitute(exchange.GetProperty("path").GetString()!, ids);
        // The recordings send some paths as they are, such as '../', which Uri would otherwise resolve.
        var asSent = new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true };
        var uri = new Uri(root.GetLeftPart(UriPartial.Authority) + path, asSent);
        var request = new HttpRequestMessage(new HttpMethod(exchange.GetProperty("method").GetString()!), uri);

        byte[]? body = null;
        if (exchange.TryGetProperty("body", out var text))
            body = Encoding.UTF8.GetBytes(Substitute(text.GetString()!, ids));
        else if (exchange.TryGetProperty("generated_body", out var generated))
            body = Encoding.UTF8.GetBytes(GenerateBody(generated, ids));
        else if (exchange.TryGetProperty("binary_body_bytes", out var size))
            body = new byte[size.GetInt32()];

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            var contentType = exchange.GetProperty("content_type").GetString()!;
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return request;
    }

    private static string GenerateBody(JsonElement generated, Dictionary<string, string> ids)
    {
        var runId = Substitute(generated.GetProperty("run_id").GetString()!, ids);
        var timestamp = generated.GetProperty("timestamp").GetInt64();
        var metrics = Enumerable.Range(0, generated.GetProperty("metrics").GetInt32())
            .Select(i => new { key = $"m{i}", value = (double)i, timestamp, step = 0 });
        var parameters = Enumerable.Range(0, generated.GetProperty("params").GetInt32())
            .Select(i => new { key = $"r{i}", value = "v" })
            .ToList();
        return parameters.Count == 0
            ? JsonSerializer.Serialize(new { run_id = runId, metrics })
            : JsonSerializer.Serialize(new { run_id = runId, metrics, @params = parameters });
    }

    // A created run maps the recorded id (and a generated name) to the fake's, for every later exchange.
    private static void LearnIds(
        JsonElement exchange,
        string expectedText,
        string actualText,
        Dictionary<string, string> ids)
    {
        if (!exchange.GetProperty("path").GetString()!.EndsWith("runs/create", StringComparison.Ordinal))
            return;
        using var expected = JsonDocument.Parse(expectedText);
        using var actual = JsonDocument.Parse(actualText);
        if (!expected.RootElement.TryGetProperty("run", out _) || !actual.RootElement.TryGetProperty("run", out _))
            return;
        var expectedInfo = expected.RootElement.GetProperty("run").GetProperty("info");
        var actualInfo = actual.RootElement.GetProperty("run").GetProperty("info");
        ids[expectedInfo.GetProperty("run_id").GetString()!] = actualInfo.GetProperty("run_id").GetString()!;
        if (!exchange.GetProperty("body").GetString()!.Contains("\"run_name\""))
            ids[expectedInfo.GetProperty("run_name").GetString()!] = actualInfo.GetProperty("run_name").GetString()!;
    }

    private static string Substitute(string text, Dictionary<string, string> ids) =>
        ids.Aggregate(text, (current, pair) => current.Replace(pair.Key, pair.Value, StringComparison.Ordinal));

    private static void Compare(
        string name,
        string path,
        JsonElement expected,
        JsonElement actual,
        List<string> mismatches)
    {
        if (expected.ValueKind != actual.ValueKind
            && !(expected.ValueKind is JsonValueKind.Number && actual.ValueKind is JsonValueKind.Number))
        {
            mismatches.Add($"{name} {path}: {actual.GetRawText()}, recorded {expected.GetRawText()}");
            return;
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToList();
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToList();
                if (!expectedKeys.SequenceEqual(actualKeys))
                {
                    var actualList = string.Join(", ", actualKeys);
                    var expectedList = string.Join(", ", expectedKeys);
                    mismatches.Add($"{name} {path}: keys [{actualList}], recorded [{expectedList}]");
                    return;
                }
                foreach (var property in expected.EnumerateObject())
                {
                    var skip = ServerTimeKeys.Contains(property.Name)
                        || (property.Name == "message" && MessagesWithServerDetails.Contains(name));
                    if (!skip)
                    {
                        var actualValue = actual.GetProperty(property.Name);
                        Compare(name, $"{path}.{property.Name}", property.Value, actualValue, mismatches);
                    }
                }
                break;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    var counts = $"{actual.GetArrayLength()} items, recorded {expected.GetArrayLength()}";
                    mismatches.Add($"{name} {path}: {counts}");
                    return;
                }
                var pairs = expected.EnumerateArray().Zip(actual.EnumerateArray());
                foreach (var (index, (expectedItem, actualItem)) in pairs.Index())
                    Compare(name, $"{path}[{index}]", expectedItem, actualItem, mismatches);
                break;
            case JsonValueKind.Number:
                if (expected.GetDouble() != actual.GetDouble())
                    mismatches.Add($"{name} {path}: {actual.GetRawText()}, recorded {expected.GetRawText()}");
                break;
            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString())
                    mismatches.Add($"{name} {path}: {actual.GetRawText()}, recorded {expected.GetRawText()}");
                break;
            default:
                if (expected.GetRawText() != actual.GetRawText())
                    mismatches.Add($"{name} {path}: {actual.GetRawText()}, recorded {expected.GetRawText()}");
                break;
        }
    }
}
