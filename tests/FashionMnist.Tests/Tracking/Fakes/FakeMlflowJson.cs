using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>
/// Renders responses the way the MLflow 2.17 server does: pretty JSON for results, compact JSON for errors.
/// </summary>
internal static class FakeMlflowJson
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
    };

    public static string Render(JsonNode node) => node.ToJsonString(Pretty);

    public static string Error(string errorCode, string message) =>
        $"{{\"error_code\": {JsonSerializer.Serialize(errorCode)}, \"message\": {JsonSerializer.Serialize(message)}}}";

    public static JsonObject Experiment(FakeExperiment experiment)
    {
        var json = new JsonObject
        {
            ["experiment_id"] = experiment.Id,
            ["name"] = experiment.Name,
            ["artifact_location"] = experiment.ArtifactLocation,
            ["lifecycle_stage"] = experiment.LifecycleStage,
            ["last_update_time"] = experiment.LastUpdateTime,
            ["creation_time"] = experiment.CreationTime,
        };
        if (experiment.Tags.Count > 0)
            json["tags"] = KeyValues(experiment.Tags);
        return json;
    }

    public static JsonObject RunInfo(FakeRun run)
    {
        var json = new JsonObject
        {
            ["run_uuid"] = run.RunId,
            ["experiment_id"] = run.ExperimentId,
            ["run_name"] = run.RunName,
            ["user_id"] = run.UserId,
            ["status"] = run.Status,
            ["start_time"] = run.StartTime,
        };
        if (run.EndTime is { } end)
            json["end_time"] = end;
        json["artifact_uri"] = run.ArtifactUri;
        json["lifecycle_stage"] = run.LifecycleStage;
        json["run_id"] = run.RunId;
        return json;
    }

    /// <summary>
    /// A run with its data; runs/get and runs/search add an empty <c>inputs</c>, runs/create does not.
    /// </summary>
    public static JsonObject Run(FakeRun run, bool withInputs)
    {
        var data = new JsonObject();
        if (run.Latest.Count > 0)
            data["metrics"] = new JsonArray(run.Latest.Values.Select(m => (JsonNode)Metric(m)).ToArray());
        if (run.Params.Count > 0)
            data["params"] = KeyValues(run.Params);
        if (run.Tags.Count > 0)
            data["tags"] = KeyValues(run.Tags);
        var json = new JsonObject { ["info"] = RunInfo(run), ["data"] = data };
        if (withInputs)
            json["inputs"] = new JsonObject();
        return json;
    }

    public static JsonObject Metric(FakeMetric metric) => new()
    {
        ["key"] = metric.Key,
        // Protobuf's JSON form of a double, which the server uses for its responses too.
        ["value"] = double.IsNaN(metric.Value) ? JsonValue.Create("NaN") : JsonValue.Create(metric.Value),
        ["timestamp"] = metric.Timestamp,
        ["step"] = metric.Step,
    };

    public static JsonArray KeyValues(IEnumerable<KeyValuePair<string, string>> pairs) =>
        new(pairs.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray());

    /// <summary>Python's repr of a float, as it appears in the server's messages.</summary>
    public static string PythonRepr(double value)
    {
        if (double.IsNaN(value))
            return "nan";
        if (double.IsInfinity(value))
            return value > 0 ? "inf" : "-inf";
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }

    /// <summary>The Python type name of a JSON value, as the server's messages name it.</summary>
    public static string PythonType(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "str",
        JsonValueKind.Number => element.TryGetInt64(out _) ? "int" : "float",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "list",
        JsonValueKind.Object => "dict",
        _ => "NoneType",
    };
}
