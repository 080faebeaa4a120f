using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FashionMnist.Tracking.Mlflow.Internal;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// Typed client of an MLflow 2.x tracking server's REST API (<c>/api/2.0/mlflow/</c>) and artifact proxy
/// (<c>/api/2.0/mlflow-artifacts/</c>). Create it with <see cref="MlflowClientFactory"/>, whose HTTP client retries
/// connection failures, timeouts and HTTP 408, 429 and 5xx with exponential backoff, honouring Retry-After.
/// Every method throws <see cref="MlflowApiException"/> when the server responds with an error status and
/// <see cref="MlflowUnavailableException"/> when it does not respond.
/// </summary>
public sealed class MlflowClient
{
    private const string ApiRoot = "api/2.0/mlflow/";
    private const string ArtifactProxyRoot = "api/2.0/mlflow-artifacts/artifacts/";

    private readonly HttpClient _http;
    private readonly MlflowOptions _options;
    private readonly ILogger<MlflowClient> _logger;
    private readonly MlflowRequestPolicy _policy;
    private readonly AuthenticationHeaderValue? _authorization;

    /// <summary>
    /// Creates a client on <paramref name="httpClient"/>, which should be the named client that
    /// <see cref="MlflowClientFactory"/> uses, since retries live in its handler pipeline.
    /// </summary>
    public MlflowClient(HttpClient httpClient, MlflowOptions options, ILogger<MlflowClient> logger)
    {
        if (options.TrackingUri is null)
            throw new ArgumentException("The options have no tracking URI, so runs are kept locally.", nameof(options));

        _http = httpClient;
        _options = options;
        _logger = logger;
        _policy = MlflowRequestPolicy.From(options);
        _authorization = CreateAuthorization(options);
    }

    /// <summary>Root URI of the tracking server.</summary>
    public Uri TrackingUri => _options.TrackingUri!;

    /// <summary>
    /// Returns a client on the same server that sends each request once, to probe a server that is away.
    /// </summary>
    internal MlflowClient WithoutRetries() => new(_http, _options with { MaxRetries = 0 }, _logger);

    /// <summary>Returns the address of a run's page in the MLflow UI.</summary>
    public Uri GetRunPageUri(string experimentId, string runId) =>
        new(TrackingUri, $"#/experiments/{Uri.EscapeDataString(experimentId)}/runs/{Uri.EscapeDataString(runId)}");

    /// <summary>
    /// Returns the experiment called <paramref name="name"/>, deleted or not, or null when there is none.
    /// </summary>
    public async Task<MlflowExperiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await GetAsync<MlflowResponses.ExperimentResponse>(
                "experiments/get-by-name", [("experiment_name", name)], cancellationToken);
            return response.Experiment;
        }
        catch (MlflowApiException e) when (e.ErrorCode == "RESOURCE_DOES_NOT_EXIST")
        {
            return null;
        }
    }

    /// <summary>Returns the experiment with id <paramref name="experimentId"/>.</summary>
    public async Task<MlflowExperiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        var response = await GetAsync<MlflowResponses.ExperimentResponse>(
            "experiments/get", [("experiment_id", experimentId)], cancellationToken);
        return response.Experiment ?? throw MissingContent("experiments/get");
    }

    /// <summary>
    /// Creates an experiment and returns its id. Throws <see cref="MlflowApiException"/> with error code
    /// <c>RESOURCE_ALREADY_EXISTS</c> when the name is taken, also by a deleted experiment.
    /// </summary>
    public async Task<string> CreateExperimentAsync(
        string name,
        IReadOnlyList<MlflowTag>? tags,
        CancellationToken cancellationToken)
    {
        var body = new { Name = name, Tags = tags is { Count: > 0 } ? tags : null };
        var response = await PostAsync<MlflowResponses.CreateExperimentResponse>(
            "experiments/create", body, _policy, cancellationToken);
        return response.ExperimentId ?? throw MissingContent("experiments/create");
    }

    /// <summary>
    /// Returns the active experiment called <paramref name="name"/>, creating it when missing. When another client
    /// creates it at the same moment, the experiment is read again. Throws
    /// <see cref="MlflowExperimentDeletedException"/> when the experiment is deleted.
    /// </summary>
    public async Task<MlflowExperiment> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken)
    {
        var experiment = await GetExperimentByNameAsync(name, cancellationToken);
        if (experiment is null)
        {
            try
            {
                var id = await CreateExperimentAsync(name, null, cancellationToken);
                MlflowLog.ExperimentCreated(_logger, name, id);
                experiment = await GetExperimentAsync(id, cancellationToken);
            }
            catch (MlflowApiException e) when (e.ErrorCode == "RESOURCE_ALREADY_EXISTS")
            {
                experiment = await GetExperimentByNameAsync(name, cancellationToken)
                    ?? throw new MlflowException(
                        $"MLflow server {TrackingUri} reported that experiment '{name}' exists but did not return it.",
                        e);
                MlflowLog.ExperimentCreatedConcurrently(_logger, name, experiment.ExperimentId);
            }
        }

        if (experiment.IsDeleted)
            throw new MlflowExperimentDeletedException(name, experiment.ExperimentId, TrackingUri);
        return experiment;
    }

    /// <summary>
    /// Creates a run in status RUNNING. Retried only after failures that prove the server did not process the
    /// request, so a lost response cannot leave two runs. Look the run up by a tag before creating it again.
    /// </summary>
    public async Task<MlflowRun> CreateRunAsync(
        string experimentId,
        string? runName,
        long startTimeMs,
        string? userId,
        IReadOnlyList<MlflowTag> tags,
        CancellationToken cancellationToken)
    {
        MlflowRequestValidation.ValidateEntries(
            tags.Select(t => (t.Key, t.Value, MlflowKeys.MaxTagValueLength, "tag")));
        var body = new
        {
            ExperimentId = experimentId,
            RunName = runName,
            StartTime = startTimeMs,
            UserId = userId,
            Tags = tags.Count > 0 ? tags : null,
        };
        var policy = _policy with { SafeToRepeat = false };
        var response = await PostAsync<MlflowResponses.RunResponse>("runs/create", body, policy, cancellationToken);
        return response.Run ?? throw MissingContent("runs/create");
    }

    /// <summary>
    /// Sets a run's status (<c>RUNNING</c>, <c>FINISHED</c>, <c>FAILED</c> or <c>KILLED</c>), end time in Unix
    /// milliseconds and name; a null argument leaves that field unchanged.
    /// </summary>
    public async Task<MlflowRunInfo> UpdateRunAsync(
        string runId,
        string? status,
        long? endTimeMs,
        string? runName,
        CancellationToken cancellationToken)
    {
        var body = new { RunId = runId, Status = status, EndTime = endTimeMs, RunName = runName };
        var response = await PostAsync<MlflowResponses.UpdateRunResponse>(
            "runs/update", body, _policy, cancellationToken);
        return response.RunInfo ?? throw MissingContent("runs/update");
    }

    /// <summary>Returns the run with id <paramref name="runId"/>, with the latest value of each metric.</summary>
    public async Task<MlflowRun> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var response = await GetAsync<MlflowResponses.RunResponse>("runs/get", [("run_id", runId)], cancellationToken);
        return response.Run ?? throw MissingContent("runs/get");
    }

    /// <summary>
    /// Returns one page of the active runs of <paramref name="experimentIds"/> that match <paramref name="filter"/>
    /// (MLflow search syntax, such as <c>tags.`fmnist.run_id` = 'abc'</c>), newest first.
    /// </summary>
    public async Task<MlflowRunsPage> SearchRunsAsync(
        IReadOnlyList<string> experimentIds,
        string? filter,
        int maxResults,
        string? pageToken,
        CancellationToken cancellationToken)
    {
        var body = new
        {
            ExperimentIds = experimentIds,
            Filter = filter,
            RunViewType = "ACTIVE_ONLY",
            MaxResults = maxResults,
            PageToken = pageToken,
        };
        var response = await PostAsync<MlflowResponses.SearchRunsResponse>(
            "runs/search", body, _policy, cancellationToken);
        return new MlflowRunsPage(response.Runs ?? [], response.NextPageToken);
    }

    /// <summary>
    /// Logs metrics, parameters and tags, in as many log-batch requests as the server's limits need (1000 metrics,
    /// 100 parameters, 100 tags and 1000 entities per request). Throws <see cref="ArgumentException"/> for a key or
    /// value the server would reject; <see cref="MlflowKeys"/> has the rules and the helpers that fix them.
    /// </summary>
    public async Task LogBatchAsync(
        string runId,
        IReadOnlyList<MlflowMetric> metrics,
        IReadOnlyList<MlflowParam> parameters,
        IReadOnlyList<MlflowTag> tags,
        CancellationToken cancellationToken)
    {
        foreach (var batch in MlflowBatch.Split(metrics, parameters, tags))
            await LogBatchAsync(runId, batch, cancellationToken);
    }

    /// <summary>Sends one log-batch request; the caller keeps it within the limits.</summary>
    internal async Task LogBatchAsync(string runId, MlflowBatch batch, CancellationToken cancellationToken)
    {
        MlflowRequestValidation.ValidateBatch(batch);
        var body = new
        {
            RunId = runId,
            Metrics = batch.Metrics.Count > 0 ? batch.Metrics : null,
            Params = batch.Params.Count > 0 ? batch.Params : null,
            Tags = batch.Tags.Count > 0 ? batch.Tags : null,
        };
        await PostAsync<MlflowResponses.EmptyResponse>("runs/log-batch", body, _policy, cancellationToken);
    }

    /// <summary>Sets one tag of a run, replacing its value.</summary>
    public async Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken)
    {
        MlflowRequestValidation.ValidateEntries([(key, value, MlflowKeys.MaxTagValueLength, "tag")]);
        var body = new { RunId = runId, Key = key, Value = value };
        await PostAsync<MlflowResponses.EmptyResponse>("runs/set-tag", body, _policy, cancellationToken);
    }

    /// <summary>Returns every logged value of one metric of a run, in logging order.</summary>
    public async Task<IReadOnlyList<MlflowMetric>> GetMetricHistoryAsync(
        string runId,
        string key,
        CancellationToken cancellationToken)
    {
        var response = await GetAsync<MlflowResponses.MetricHistoryResponse>(
            "metrics/get-history", [("run_id", runId), ("metric_key", key)], cancellationToken);
        return response.Metrics ?? [];
    }

    /// <summary>
    /// Stores the file <paramref name="localPath"/> as <paramref name="artifactPath"/> (relative, <c>/</c>-separated)
    /// among a run's artifacts. An <c>mlflow-artifacts:</c> artifact URI uploads through the server's proxy
    /// (<c>PUT /api/2.0/mlflow-artifacts/artifacts/...</c>); a <c>file:</c> URI or a local path copies the file there.
    /// Any other scheme throws <see cref="MlflowException"/>.
    /// </summary>
    public async Task UploadArtifactAsync(
        string artifactUri,
        string localPath,
        string artifactPath,
        CancellationToken cancellationToken)
    {
        var segments = MlflowArtifactLocation.SplitArtifactPath(artifactPath);
        var location = MlflowArtifactLocation.Parse(artifactUri, TrackingUri);
        if (location.LocalDirectory is { } directory)
        {
            var target = Path.Combine([directory, .. segments]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(localPath, target, overwrite: true);
            return;
        }

        var escaped = location.ProxySegments.Concat(segments).Select(Uri.EscapeDataString);
        var path = ArtifactProxyRoot + string.Join('/', escaped);
        await using var file = new FileStream(
            localPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);
        using var request = CreateRequest(HttpMethod.Put, path, _policy);
        request.Content = new StreamContent(file);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(MlflowArtifactLocation.ContentTypeOf(localPath));
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, cancellationToken);
    }

    private Task<T> GetAsync<T>(
        string endpoint,
        IEnumerable<(string Name, string Value)> query,
        CancellationToken cancellationToken)
        where T : new()
    {
        var queryText = string.Join('&', query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"));
        return SendJsonAsync<T>(HttpMethod.Get, ApiRoot + endpoint + "?" + queryText, null, _policy, cancellationToken);
    }

    private Task<T> PostAsync<T>(
        string endpoint,
        object body,
        MlflowRequestPolicy policy,
        CancellationToken cancellationToken)
        where T : new() =>
        SendJsonAsync<T>(HttpMethod.Post, ApiRoot + endpoint, body, policy, cancellationToken);

    private async Task<T> SendJsonAsync<T>(
        HttpMethod method,
        string path,
        object? body,
        MlflowRequestPolicy policy,
        CancellationToken cancellationToken)
        where T : new()
    {
        using var request = CreateRequest(method, path, policy);
        if (body is not null)
        {
            // A byte array body is sent again unchanged by every retry: same timestamps, same steps.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, MlflowJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
            return new T();
        try
        {
            return JsonSerializer.Deserialize<T>(text, MlflowJson.Options) ?? new T();
        }
        catch (JsonException e)
        {
            throw new MlflowException(
                $"MLflow server {TrackingUri} responded to {Describe(request)} with a body that is not MLflow JSON: "
                + $"{MlflowErrorResponse.Shorten(text)}. Check that the tracking URI points to an MLflow tracking "
                + "server.",
                e);
        }
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path, MlflowRequestPolicy policy)
    {
        var request = new HttpRequestMessage(method, new Uri(TrackingUri, path));
        request.Headers.Authorization = _authorization;
        request.Options.Set(MlflowHttp.PolicyKey, policy);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException e)
        {
            throw new MlflowUnavailableException(
                $"MLflow server {TrackingUri} did not respond to {Describe(request)}: {e.Message}", e);
        }
        catch (Exception e) when (e is TimeoutRejectedException or TaskCanceledException)
        {
            throw new MlflowUnavailableException(
                $"MLflow server {TrackingUri} did not respond to {Describe(request)} within "
                + $"{_options.RequestTimeout.TotalSeconds:0.#} s (MLFLOW_HTTP_REQUEST_TIMEOUT).", e);
        }
    }

    private async Task EnsureSuccessAsync(
        HttpResponseMessage response,
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        throw await MlflowErrorResponse.ReadAsync(
            response, Describe(request), TrackingUri, _authorization is not null, cancellationToken);
    }

    private static AuthenticationHeaderValue? CreateAuthorization(MlflowOptions options)
    {
        if (!string.IsNullOrEmpty(options.Token))
            return new AuthenticationHeaderValue("Bearer", options.Token);
        if (!string.IsNullOrEmpty(options.Username) && options.Password is not null)
        {
            var pair = Encoding.UTF8.GetBytes(options.Username + ":" + options.Password);
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }
        return null;
    }

    private static string Describe(HttpRequestMessage request) =>
        $"{request.Method.Method} {request.RequestUri?.AbsolutePath.TrimStart('/')}";

    private MlflowException MissingContent(string endpoint) =>
        new($"MLflow server {TrackingUri} responded to {endpoint} without the expected content.");
}
