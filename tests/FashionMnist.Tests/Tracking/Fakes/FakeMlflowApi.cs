using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FashionMnist.Tracking.Mlflow;

namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>
/// The REST endpoints under <c>/api/2.0/mlflow/</c>, responding like an MLflow 2.17.2 server with a SQL store:
/// the same paths, methods, JSON shapes, limits, error codes and messages as the recorded exchanges.
/// </summary>
internal static class FakeMlflowApi
{
    public const string Root = "/api/2.0/mlflow/";

    public delegate JsonNode Handler(FakeMlflowStore store, FakeCall call);

    /// <summary>Endpoints by path under <see cref="Root"/>, each with its one allowed method.</summary>
    public static readonly IReadOnlyDictionary<string, (string Method, Handler Handle)> Endpoints =
        new Dictionary<string, (string, Handler)>
        {
            ["experiments/get-by-name"] = ("GET", GetExperimentByName),
            ["experiments/get"] = ("GET", GetExperiment),
            ["experiments/create"] = ("POST", CreateExperiment),
            ["experiments/delete"] = ("POST", (store, call) => SetExperimentStage(store, call, "deleted")),
            ["experiments/restore"] = ("POST", (store, call) => SetExperimentStage(store, call, "active")),
            ["experiments/search"] = ("POST", SearchExperiments),
            ["runs/create"] = ("POST", CreateRun),
            ["runs/update"] = ("POST", UpdateRun),
            ["runs/get"] = ("GET", GetRun),
            ["runs/search"] = ("POST", SearchRuns),
            ["runs/delete"] = ("POST", (store, call) => SetRunStage(store, call, "deleted")),
            ["runs/restore"] = ("POST", (store, call) => SetRunStage(store, call, "active")),
            ["runs/log-batch"] = ("POST", LogBatch),
            ["runs/log-metric"] = ("POST", LogMetric),
            ["runs/log-parameter"] = ("POST", LogParameter),
            ["runs/set-tag"] = ("POST", SetTag),
            ["runs/delete-tag"] = ("POST", DeleteTag),
            ["metrics/get-history"] = ("GET", GetMetricHistory),
            ["artifacts/list"] = ("GET", FakeMlflowArtifacts.ListForRun),
        };

    private static JsonNode GetExperimentByName(FakeMlflowStore store, FakeCall call)
    {
        var name = call.RequiredQuery("experiment_name");
        var experiment = store.ExperimentByName(name)
            ?? throw FakeMlflowError.NotFound($"Could not find experiment with name '{name}'");
        return new JsonObject { ["experiment"] = FakeMlflowJson.Experiment(experiment) };
    }

    private static JsonNode GetExperiment(FakeMlflowStore store, FakeCall call) =>
        new JsonObject
        {
            ["experiment"] = FakeMlflowJson.Experiment(store.Experiment(call.RequiredQuery("experiment_id"))),
        };

    private static JsonNode CreateExperiment(FakeMlflowStore store, FakeCall call)
    {
        var name = call.RequiredString("name");
        var tags = KeyValues(call.Body, "tags", "key", "value");
        return new JsonObject { ["experiment_id"] = store.CreateExperiment(name, tags).Id };
    }

    private static JsonNode SetExperimentStage(FakeMlflowStore store, FakeCall call, string stage)
    {
        var experiment = store.Experiment(call.RequiredString("experiment_id"));
        experiment.LifecycleStage = stage;
        experiment.LastUpdateTime = FakeMlflowStore.Now();
        foreach (var run in store.Runs.Where(r => r.ExperimentId == experiment.Id))
            run.LifecycleStage = stage;
        return new JsonObject();
    }

    private static JsonNode SearchExperiments(FakeMlflowStore store, FakeCall call)
    {
        var filter = FakeRunFilter.ParseExperiment(call.OptionalString("filter"));
        var view = call.OptionalString("view_type") ?? "ACTIVE_ONLY";
        var max = (int)(FakeCall.OptionalLong(call.Body, "max_results", "max_results") ?? 1000);
        var found = store.Experiments
            .Where(e => view == "ALL" || (view == "DELETED_ONLY") == (e.LifecycleStage == "deleted"))
            .Where(filter)
            .OrderByDescending(e => e.CreationTime)
            .ThenByDescending(e => int.Parse(e.Id))
            .Take(max)
            .ToList();
        return found.Count == 0
            ? new JsonObject()
            : new JsonObject { ["experiments"] = new JsonArray([.. found.Select(e => FakeMlflowJson.Experiment(e))]) };
    }

    private static JsonNode CreateRun(FakeMlflowStore store, FakeCall call)
    {
        var experimentId = call.OptionalString("experiment_id") ?? "0";
        var tags = KeyValues(call.Body, "tags", "key", "value");
        foreach (var (index, tag) in tags.Index())
        {
            FakeMlflowStore.ValidateMetricKey(tag.Key, $"tags[{index}].key");
            FakeMlflowStore.ValidateLength("Tag value", tag.Value, MlflowKeys.MaxTagValueLength);
        }
        var run = store.CreateRun(
            experimentId,
            call.OptionalString("run_name"),
            FakeCall.OptionalLong(call.Body, "start_time", "start_time") ?? FakeMlflowStore.Now(),
            call.OptionalString("user_id") ?? "",
            tags);
        var json = FakeMlflowJson.Run(run, withInputs: false);
        json["data"]!.AsObject().Remove("metrics");
        return new JsonObject { ["run"] = json };
    }

    private static JsonNode UpdateRun(FakeMlflowStore store, FakeCall call)
    {
        var run = store.ActiveRun(call.RequiredString("run_id"));
        // Like protobuf's parser with unknown fields ignored, an unknown status leaves the status unchanged.
        if (call.OptionalString("status") is "RUNNING" or "SCHEDULED" or "FINISHED" or "FAILED" or "KILLED")
            run.Status = call.OptionalString("status")!;
        if (FakeCall.OptionalLong(call.Body, "end_time", "end_time") is { } end)
            run.EndTime = end;
        if (call.OptionalString("run_name") is { Length: > 0 } name)
        {
            run.RunName = name;
            run.Tags["mlflow.runName"] = name;
        }
        return new JsonObject { ["run_info"] = FakeMlflowJson.RunInfo(run) };
    }

    private static JsonNode GetRun(FakeMlflowStore store, FakeCall call) =>
        new JsonObject { ["run"] = FakeMlflowJson.Run(store.Run(call.RequiredQuery("run_id")), withInputs: true) };

    private static JsonNode SearchRuns(FakeMlflowStore store, FakeCall call)
    {
        var experimentIds = FakeCall.Array(call.Body, "experiment_ids").Select(e => e.GetString()).ToHashSet();
        var filter = FakeRunFilter.Parse(call.OptionalString("filter"));
        var view = call.OptionalString("run_view_type") ?? "ACTIVE_ONLY";
        var max = (int)(FakeCall.OptionalLong(call.Body, "max_results", "max_results") ?? 1000);
        var offset = DecodePageToken(call.OptionalString("page_token"));
        var ascending = FakeCall.Array(call.Body, "order_by")
            .Any(o => o.GetString()?.EndsWith(" ASC", StringComparison.OrdinalIgnoreCase) == true);

        var matching = store.Runs
            .Where(r => experimentIds.Contains(r.ExperimentId))
            .Where(r => view == "ALL" || (view == "DELETED_ONLY") == (r.LifecycleStage == "deleted"))
            .Where(filter);
        var ordered = ascending
            ? matching.OrderBy(r => r.StartTime).ThenBy(r => r.RunId, StringComparer.Ordinal)
            : matching.OrderByDescending(r => r.StartTime).ThenBy(r => r.RunId, StringComparer.Ordinal);
        var page = ordered.Skip(offset).Take(max).ToList();

        var json = new JsonObject();
        if (page.Count > 0)
            json["runs"] = new JsonArray(page.Select(r => (JsonNode)FakeMlflowJson.Run(r, withInputs: true)).ToArray());
        // The SQL store hands out a token whenever a page is full, even when nothing follows.
        if (page.Count == max && max > 0)
            json["next_page_token"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\": {offset + max}}}"));
        return json;
    }

    private static JsonNode SetRunStage(FakeMlflowStore store, FakeCall call, string stage)
    {
        store.Run(call.RequiredString("run_id")).LifecycleStage = stage;
        return new JsonObject();
    }

    private static JsonNode LogBatch(FakeMlflowStore store, FakeCall call)
    {
        var runId = call.RequiredString("run_id");
        var metrics = FakeCall.Array(call.Body, "metrics").Select((m, i) => ReadMetric(m, $"metrics[{i}]")).ToList();
        var parameters = KeyValues(call.Body, "params", "key", "value");
        var tags = KeyValues(call.Body, "tags", "key", "value");

        CheckLimit("metrics", MlflowKeys.MaxMetricsPerBatch, metrics.Count);
        CheckLimit("params", MlflowKeys.MaxParamsPerBatch, parameters.Count);
        CheckLimit("tags", MlflowKeys.MaxTagsPerBatch, tags.Count);
        var entities = metrics.Count + parameters.Count + tags.Count;
        CheckLimit("metrics, params, and tags", MlflowKeys.MaxEntitiesPerBatch, entities);

        var run = store.ActiveRun(runId);
        foreach (var (index, metric) in metrics.Index())
            ValidateMetric(metric, $"metrics[{index}]");
        // NOTE: no recording shows a bad parameter or tag key in a batch; the message format is assumed.
        foreach (var (index, parameter) in parameters.Index())
        {
            FakeMlflowStore.ValidateMetricKey(parameter.Key, $"params[{index}].key");
            FakeMlflowStore.ValidateLength("Param key", parameter.Key, MlflowKeys.MaxKeyLength);
            FakeMlflowStore.ValidateLength("Param value", parameter.Value, MlflowKeys.MaxParamValueLength);
        }
        foreach (var (index, tag) in tags.Index())
        {
            FakeMlflowStore.ValidateMetricKey(tag.Key, $"tags[{index}].key");
            FakeMlflowStore.ValidateLength("Tag value", tag.Value, MlflowKeys.MaxTagValueLength);
        }
        var duplicates = parameters.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'").ToList();
        if (duplicates.Count > 0)
        {
            throw FakeMlflowError.InvalidParameter(
                $"Duplicate parameter keys have been submitted: [{string.Join(", ", duplicates)}]. Please ensure the "
                + "request contains only one param value per param key.");
        }

        store.LogParams(run, parameters, single: false);
        FakeMlflowStore.LogMetrics(run, metrics);
        foreach (var tag in tags)
            run.Tags[tag.Key] = tag.Value;
        return new JsonObject();
    }

    private static JsonNode LogMetric(FakeMlflowStore store, FakeCall call)
    {
        var runId = call.RequiredString("run_id");
        var key = call.RequiredString("key");
        var value = FakeCall.RequiredDouble(call.Body, "value", "value");
        var timestamp = FakeCall.RequiredLong(call.Body, "timestamp", "timestamp");
        var step = FakeCall.OptionalLong(call.Body, "step", "step") ?? 0;
        var metric = new FakeMetric(key, value, timestamp, step);

        var run = store.ActiveRun(runId);
        ValidateMetric(metric, "");
        FakeMlflowStore.LogMetrics(run, [metric]);
        return new JsonObject();
    }

    private static JsonNode LogParameter(FakeMlflowStore store, FakeCall call)
    {
        var runId = call.RequiredString("run_id");
        var key = call.RequiredString("key");
        var value = call.OptionalString("value") ?? "";
        var run = store.ActiveRun(runId);
        FakeMlflowStore.ValidateMetricKey(key, "key");
        FakeMlflowStore.ValidateLength("Param key", key, MlflowKeys.MaxKeyLength);
        FakeMlflowStore.ValidateLength("Param value", value, MlflowKeys.MaxParamValueLength);
        store.LogParams(run, [new(key, value)], single: true);
        return new JsonObject();
    }

    private static JsonNode SetTag(FakeMlflowStore store, FakeCall call)
    {
        var runId = call.RequiredString("run_id");
        var key = call.RequiredString("key");
        var value = call.OptionalString("value") ?? "";
        var run = store.ActiveRun(runId);
        FakeMlflowStore.ValidateMetricKey(key, "key");
        FakeMlflowStore.ValidateLength("Tag value", value, MlflowKeys.MaxTagValueLength);
        run.Tags[key] = value;
        return new JsonObject();
    }

    private static JsonNode DeleteTag(FakeMlflowStore store, FakeCall call)
    {
        var runId = call.RequiredString("run_id");
        var key = call.RequiredString("key");
        var run = store.ActiveRun(runId);
        if (!run.Tags.Remove(key))
            throw FakeMlflowError.NotFound($"No tag with name: {key} in run with id {runId}");
        return new JsonObject();
    }

    private static JsonNode GetMetricHistory(FakeMlflowStore store, FakeCall call)
    {
        var run = store.Run(call.RequiredQuery("run_id"));
        var key = call.RequiredQuery("metric_key");
        // The recorded 2.17.2 server returns the whole history even when max_results is smaller.
        var history = run.History.Where(m => m.Key == key).Select(m => (JsonNode)FakeMlflowJson.Metric(m)).ToArray();
        return history.Length == 0 ? new JsonObject() : new JsonObject { ["metrics"] = new JsonArray(history) };
    }

    private static FakeMetric ReadMetric(JsonElement element, string path) => new(
        FakeCall.RequiredString(element, "key", $"{path}.key"),
        FakeCall.RequiredDouble(element, "value", $"{path}.value"),
        FakeCall.RequiredLong(element, "timestamp", $"{path}.timestamp"),
        FakeCall.OptionalLong(element, "step", $"{path}.step") ?? 0);

    private static void ValidateMetric(FakeMetric metric, string path)
    {
        FakeMlflowStore.ValidateMetricKey(metric.Key, path.Length == 0 ? "name" : $"{path}.name");
        if (metric.Timestamp < 0)
        {
            var parameter = path.Length == 0 ? "timestamp" : $"{path}.timestamp";
            throw FakeMlflowError.InvalidParameter(
                $"Invalid value {metric.Timestamp} for parameter '{parameter}' supplied: metric '{metric.Key}' "
                + $"(value={FakeMlflowJson.PythonRepr(metric.Value)}). Timestamp must be a nonnegative long "
                + "(64-bit integer) ");
        }
        FakeMlflowStore.ValidateLength("Metric name", metric.Key, MlflowKeys.MaxKeyLength);
    }

    private static void CheckLimit(string entity, int limit, int count)
    {
        if (count > limit)
        {
            throw FakeMlflowError.InvalidParameter(
                $"A batch logging request can contain at most {limit} {entity}. Got {count} {entity}. Please split up "
                + $"{entity} across multiple requests and try again.");
        }
    }

    private static List<KeyValuePair<string, string>> KeyValues(
        JsonElement body,
        string name,
        string keyName,
        string valueName) =>
        FakeCall.Array(body, name)
            .Select((e, i) => new KeyValuePair<string, string>(
                FakeCall.RequiredString(e, keyName, $"{name}[{i}].{keyName}"),
                FakeCall.OptionalString(e, valueName, $"{name}[{i}].{valueName}") ?? ""))
            .ToList();

    private static int DecodePageToken(string? token)
    {
        if (token is null)
            return 0;
        using var document = JsonDocument.Parse(Convert.FromBase64String(token));
        return document.RootElement.GetProperty("offset").GetInt32();
    }
}
