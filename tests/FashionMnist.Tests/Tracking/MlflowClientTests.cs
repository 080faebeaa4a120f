using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FashionMnist.Tests.Tracking.Fakes;
using FashionMnist.Tracking.Mlflow;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tests.Tracking;

public sealed class MlflowClientTests : IAsyncLifetime
{
    private readonly TrackingTestHost _host = new();
    private FakeMlflowServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMlflowServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _host.DisposeAsync();
    }

    private MlflowClient Client(Func<MlflowOptions, MlflowOptions>? change = null)
    {
        var options = TrackingTestHost.FastOptions(_server.Uri);
        return _host.Client(change is null ? options : change(options));
    }

    private async Task<MlflowRun> CreateRunAsync(MlflowClient client)
    {
        var experiment = await client.GetOrCreateExperimentAsync("fashion", default);
        return await client.CreateRunAsync(experiment.ExperimentId, "run", 1_796_000_000_000, "ada", [], default);
    }

    [Fact]
    public async Task GetOrCreateExperiment_Missing_CreatesOnce()
    {
        var client = Client();

        var first = await client.GetOrCreateExperimentAsync("fashion", default);
        var second = await client.GetOrCreateExperimentAsync("fashion", default);

        Assert.Equal(first.ExperimentId, second.ExperimentId);
        Assert.Equal("mlflow-artifacts:/" + first.ExperimentId, first.ArtifactLocation);
        Assert.Single(_server.RequestsTo("experiments/create"));
    }

    [Fact]
    public async Task GetExperimentByName_Missing_ReturnsNull()
    {
        Assert.Null(await Client().GetExperimentByNameAsync("nope", default));
    }

    [Fact]
    public async Task GetOrCreateExperiment_Race_ReadsAgain()
    {
        _server.CreateExperimentOnNextLookup("race");

        var experiment = await Client().GetOrCreateExperimentAsync("race", default);

        Assert.Equal(_server.Store.ExperimentByName("race")!.Id, experiment.ExperimentId);
        var create = Assert.Single(_server.RequestsTo("experiments/create"));
        Assert.Equal(400, create.Status);
        Assert.Equal(2, _server.RequestsTo("experiments/get-by-name").Count);
    }

    [Fact]
    public async Task GetOrCreateExperiment_Deleted_ExplainsRestore()
    {
        var id = _server.Store.CreateExperiment("old", []).Id;
        _server.Store.Experiment(id).LifecycleStage = "deleted";

        var error = await Assert.ThrowsAsync<MlflowExperimentDeletedException>(
            () => Client().GetOrCreateExperimentAsync("old", default));

        Assert.Contains($"mlflow experiments restore --experiment-id {id}", error.Message);
        Assert.Contains("MLFLOW_EXPERIMENT_NAME", error.Message);
        Assert.Empty(_server.RequestsTo("experiments/create"));
    }

    [Fact]
    public async Task Runs_CreateUpdateGetSearch_RoundTrip()
    {
        var client = Client();
        var experiment = await client.GetOrCreateExperimentAsync("fashion", default);

        MlflowTag[] tags = [new MlflowTag("fmnist.run_id", "local-1")];
        var created = await client.CreateRunAsync(
            experiment.ExperimentId, "first", 1_796_000_000_000, "ada", tags, default);
        var updated = await client.UpdateRunAsync(created.Info.RunId, "FINISHED", 1_796_000_005_000, null, default);
        var fetched = await client.GetRunAsync(created.Info.RunId, default);
        var found = await client.SearchRunsAsync(
            [experiment.ExperimentId], "tags.`fmnist.run_id` = 'local-1'", 10, null, default);

        Assert.Equal("RUNNING", created.Info.Status);
        var artifactUri = $"mlflow-artifacts:/{experiment.ExperimentId}/{created.Info.RunId}/artifacts";
        Assert.Equal(artifactUri, created.Info.ArtifactUri);
        Assert.Equal("FINISHED", updated.Status);
        Assert.Equal(1_796_000_005_000, fetched.Info.EndTime);
        Assert.Contains(fetched.Data.Tags, t => t.Key == "mlflow.runName" && t.Value == "first");
        Assert.Equal(created.Info.RunId, Assert.Single(found.Runs).Info.RunId);
    }

    [Fact]
    public async Task LogBatch_OverLimits_Splits()
    {
        var client = Client();
        var run = await CreateRunAsync(client);
        var metrics = Enumerable.Range(0, 2500)
            .Select(i => new MlflowMetric($"m{i % 7}", i, 1_796_000_000_000 + i, i))
            .ToList();
        var parameters = Enumerable.Range(0, 250).Select(i => new MlflowParam($"p{i}", "v")).ToList();
        var tags = Enumerable.Range(0, 150).Select(i => new MlflowTag($"t{i}", "v")).ToList();

        await client.LogBatchAsync(run.Info.RunId, metrics, parameters, tags, default);

        var requests = _server.RequestsTo("runs/log-batch");
        Assert.All(requests, r => Assert.Equal(200, r.Status));
        Assert.All(requests, r => Assert.InRange(r.CountOf("metrics"), 0, 1000));
        Assert.All(requests, r => Assert.InRange(r.CountOf("params"), 0, 100));
        Assert.All(requests, r => Assert.InRange(r.CountOf("tags"), 0, 100));
        Assert.All(
            requests, r => Assert.InRange(r.CountOf("metrics") + r.CountOf("params") + r.CountOf("tags"), 1, 1000));
        Assert.Equal(2500, requests.Sum(r => r.CountOf("metrics")));
        Assert.Equal(250, requests.Sum(r => r.CountOf("params")));
        Assert.Equal(150, requests.Sum(r => r.CountOf("tags")));
        Assert.Equal(3, requests.Count);
        Assert.Equal(250, _server.Store.Run(run.Info.RunId).Params.Count);
        Assert.Equal(2500, _server.Store.Run(run.Info.RunId).History.Count);
    }

    [Fact]
    public async Task LogBatch_LargeValues_UnderSizeLimit()
    {
        var client = Client();
        var run = await CreateRunAsync(client);
        var parameters = Enumerable.Range(0, 100).Select(i => new MlflowParam($"p{i}", new string('x', 6000))).ToList();
        var tags = Enumerable.Range(0, 100).Select(i => new MlflowTag($"t{i}", new string('y', 5000))).ToList();

        await client.LogBatchAsync(run.Info.RunId, [], parameters, tags, default);

        var requests = _server.RequestsTo("runs/log-batch");
        Assert.All(requests, r => Assert.Equal(200, r.Status));
        Assert.All(
            requests, r => Assert.True(r.Body.Length <= MlflowKeys.MaxBatchRequestBytes, $"{r.Body.Length} bytes"));
        Assert.True(requests.Count >= 2);
    }

    [Fact]
    public async Task LogBatch_NonFinite_SentAsStrings()
    {
        var client = Client();
        var run = await CreateRunAsync(client);
        MlflowMetric[] metrics =
        [
            new("loss", double.NaN, 1_796_000_000_001, 1),
            new("loss", double.PositiveInfinity, 1_796_000_000_002, 2),
            new("loss", double.NegativeInfinity, 1_796_000_000_003, 3),
        ];

        await client.LogBatchAsync(run.Info.RunId, metrics, [], [], default);
        var history = await client.GetMetricHistoryAsync(run.Info.RunId, "loss", default);

        var body = Assert.Single(_server.RequestsTo("runs/log-batch")).BodyText;
        Assert.Contains("\"value\":\"NaN\"", body);
        Assert.Contains("\"value\":\"Infinity\"", body);
        Assert.Contains("\"value\":\"-Infinity\"", body);
        Assert.True(double.IsNaN(history[0].Value));
        // MLflow's SQL store keeps infinities as the largest finite doubles.
        Assert.Equal(double.MaxValue, history[1].Value);
        Assert.Equal(double.MinValue, history[2].Value);
    }

    [Fact]
    public async Task LogBatch_ChangedParam_ThrowsServerError()
    {
        var client = Client();
        var run = await CreateRunAsync(client);
        await client.LogBatchAsync(run.Info.RunId, [], [new MlflowParam("lr", "0.01")], [], default);

        var error = await Assert.ThrowsAsync<MlflowApiException>(
            () => client.LogBatchAsync(run.Info.RunId, [], [new MlflowParam("lr", "0.02")], [], default));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Contains("Changing param values is not allowed", error.ServerMessage);
        Assert.False(error.IsTransient);
        Assert.Equal(2, _server.RequestsTo("runs/log-batch").Count);
    }

    [Theory]
    [InlineData("loss@epoch!")]
    [InlineData("../loss")]
    public async Task LogBatch_InvalidKey_RejectedBeforeSending(string key)
    {
        var client = Client();
        var run = await CreateRunAsync(client);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => client.LogBatchAsync(run.Info.RunId, [new MlflowMetric(key, 1, 1, 0)], [], [], default));

        Assert.Contains($"'{key}'", error.Message);
        Assert.Contains("MlflowKeys.Sanitize", error.Message);
        Assert.Empty(_server.RequestsTo("runs/log-batch"));
    }

    [Fact]
    public async Task Send_ServiceUnavailable_RetriesSameBody()
    {
        var client = Client();
        var run = await CreateRunAsync(client);
        _server.FailNext(2, 503, "runs/log-batch");

        MlflowMetric[] metrics = [new MlflowMetric("loss", 0.5, 1_796_000_000_123, 4)];
        await client.LogBatchAsync(run.Info.RunId, metrics, [], [], default);

        var attempts = _server.RequestsTo("runs/log-batch");
        Assert.Equal([503, 503, 200], attempts.Select(a => a.Status));
        Assert.All(attempts, a => Assert.Equal(attempts[0].BodyText, a.BodyText));
        Assert.Single(_server.Store.Run(run.Info.RunId).History);
        Assert.Equal(2, _host.Logs.Named("Retrying").Count);
        Assert.Contains("after HTTP 503", _host.Logs.Named("Retrying")[0].Message);
        Assert.Empty(_host.Logs.At(LogLevel.Warning));
    }

    [Fact]
    public async Task Send_TooManyRequests_WaitsForRetryAfter()
    {
        var client = Client();
        var run = await CreateRunAsync(client);
        _server.FailNext(1, 429, "runs/log-batch", retryAfter: TimeSpan.FromSeconds(1));

        await client.LogBatchAsync(run.Info.RunId, [new MlflowMetric("loss", 0.5, 1, 0)], [], [], default);

        var attempts = _server.RequestsTo("runs/log-batch");
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(950),
            $"retried after {(attempts[1].ReceivedAt - attempts[0].ReceivedAt).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Send_RepeatedServerErrors_BacksOffExponentially()
    {
        var client = Client(o => o with { BackoffFactor = TimeSpan.FromMilliseconds(100) });
        var run = await CreateRunAsync(client);
        _server.FailNext(3, 500, "runs/log-batch");

        await client.LogBatchAsync(run.Info.RunId, [new MlflowMetric("loss", 0.5, 1, 0)], [], [], default);

        var times = _server.RequestsTo("runs/log-batch").Select(a => a.ReceivedAt).ToList();
        Assert.Equal(4, times.Count);
        // urllib3's schedule: no wait, then 2 and 4 times the factor.
        var secondWait = times[2] - times[1];
        var thirdWait = times[3] - times[2];
        Assert.True(secondWait >= TimeSpan.FromMilliseconds(190), $"second wait {secondWait.TotalMilliseconds} ms");
        Assert.True(thirdWait >= TimeSpan.FromMilliseconds(390), $"third wait {thirdWait.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Send_RetriesExhausted_ThrowsLastStatus()
    {
        var client = Client(o => o with { MaxRetries = 2 });
        var run = await CreateRunAsync(client);
        _server.FailNext(10, 503, "runs/log-batch");

        var error = await Assert.ThrowsAsync<MlflowApiException>(
            () => client.LogBatchAsync(run.Info.RunId, [new MlflowMetric("loss", 0.5, 1, 0)], [], [], default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(3, _server.RequestsTo("runs/log-batch").Count);
    }

    [Fact]
    public async Task Send_ServerDown_ThrowsUnavailableAfterRetries()
    {
        var client = Client(o => o with { MaxRetries = 2 });
        await _server.StopAsync();

        var error = await Assert.ThrowsAsync<MlflowUnavailableException>(
            () => client.GetExperimentByNameAsync("fashion", default));

        Assert.Contains(_server.Uri.ToString(), error.Message);
        Assert.Equal(2, _host.Logs.Named("Retrying").Count);
    }

    [Fact]
    public async Task Send_SlowServer_TimesOutEachAttempt()
    {
        var client = Client(o => o with { MaxRetries = 1, RequestTimeout = TimeSpan.FromMilliseconds(300) });
        _server.Delay = TimeSpan.FromSeconds(2);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<MlflowUnavailableException>(
            () => client.GetExperimentByNameAsync("fashion", default));

        Assert.Contains("MLFLOW_HTTP_REQUEST_TIMEOUT", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.8), $"took {clock.Elapsed}");
        Assert.Equal(2, _server.RequestsTo("experiments/get-by-name").Count);
    }

    [Fact]
    public async Task CreateRun_AmbiguousFailure_IsNotRetried()
    {
        var client = Client();
        var experiment = await client.GetOrCreateExperimentAsync("fashion", default);
        _server.FailNext(1, 500, "runs/create");

        await Assert.ThrowsAsync<MlflowApiException>(
            () => client.CreateRunAsync(experiment.ExperimentId, "run", 1, null, [], default));

        Assert.Single(_server.RequestsTo("runs/create"));
        Assert.Empty(_server.Store.Runs);
    }

    [Fact]
    public async Task CreateRun_Unavailable_IsRetried()
    {
        var client = Client();
        var experiment = await client.GetOrCreateExperimentAsync("fashion", default);
        _server.FailNext(1, 503, "runs/create");

        await client.CreateRunAsync(experiment.ExperimentId, "run", 1, null, [], default);

        Assert.Equal(2, _server.RequestsTo("runs/create").Count);
        Assert.Single(_server.Store.Runs);
    }

    [Fact]
    public async Task Send_BadRequest_IsNotRetried()
    {
        var client = Client();

        await Assert.ThrowsAsync<MlflowApiException>(
            () => client.GetRunAsync("0123456789abcdef0123456789abcdef", default));

        Assert.Single(_server.RequestsTo("runs/get"));
    }

    [Fact]
    public async Task Send_BearerToken_SentAndNeverLogged()
    {
        const string token = "tok-3b9f1c7a";
        _server.RequiredAuthorization = "Bearer " + token;
        var client = Client(o => o with { Token = token });
        _server.FailNext(1, 503);

        await client.GetOrCreateExperimentAsync("fashion", default);

        Assert.All(_server.Requests, r => Assert.Equal("Bearer " + token, r.Authorization));
        Assert.NotEmpty(_host.Logs.Entries);
        Assert.DoesNotContain(token, _host.Logs.AllText);
    }

    [Fact]
    public async Task Send_BasicCredentials_SentAndNeverLogged()
    {
        const string password = "pw-8d2e6a";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("ada:" + password));
        _server.RequiredAuthorization = "Basic " + encoded;
        var client = Client(o => o with { Username = "ada", Password = password });
        _server.FailNext(1, 503);

        await client.GetOrCreateExperimentAsync("fashion", default);

        Assert.All(_server.Requests, r => Assert.Equal("Basic " + encoded, r.Authorization));
        Assert.DoesNotContain(password, _host.Logs.AllText);
        Assert.DoesNotContain(encoded, _host.Logs.AllText);
    }

    [Fact]
    public async Task Send_MissingCredentials_NamesVariables()
    {
        _server.RequiredAuthorization = "Bearer right";

        var error = await Assert.ThrowsAsync<MlflowApiException>(
            () => Client().GetExperimentByNameAsync("fashion", default));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("MLFLOW_TRACKING_TOKEN", error.Message);
    }

    [Fact]
    public async Task Send_WrongRoot_ExplainsMissingEndpoint()
    {
        var client = _host.Client(TrackingTestHost.FastOptions(new Uri(_server.Uri, "not-mlflow/")));

        var error = await Assert.ThrowsAsync<MlflowApiException>(
            () => client.GetExperimentByNameAsync("fashion", default));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Contains("has no endpoint GET not-mlflow/api/2.0/mlflow/experiments/get-by-name", error.Message);
        Assert.Contains("root address of an MLflow 2.x tracking server", error.Message);
    }

    [Fact]
    public async Task Send_SelfSignedCertificate_NeedsInsecureTls()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = await FakeMlflowServer.StartAsync(certificate: certificate);
        var options = TrackingTestHost.FastOptions(server.Uri) with { MaxRetries = 0 };

        var error = await Assert.ThrowsAsync<MlflowUnavailableException>(
            () => _host.Client(options).GetExperimentByNameAsync("fashion", default));
        var insecure = _host.Client(options with { InsecureTls = true });
        var found = await insecure.GetExperimentByNameAsync("Default", default);

        Assert.Contains("SSL", error.Message);
        Assert.Equal("0", found!.ExperimentId);
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // Kestrel needs the private key in a form it can load, which a PKCS #12 round trip gives.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    [Fact]
    public async Task UploadArtifact_ProxyUri_PutsFile()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Combine("notes.txt");
        await File.WriteAllTextAsync(file, "hello from fmnist\n");
        var client = Client();
        var run = await CreateRunAsync(client);
        _server.FailNext(1, 503, "mlflow-artifacts");

        await client.UploadArtifactAsync(run.Info.ArtifactUri!, file, "model/notes.txt", default);

        var attempts = _server.RequestsTo("model/notes.txt");
        Assert.Equal(
            $"/api/2.0/mlflow-artifacts/artifacts/{run.Info.ExperimentId}/{run.Info.RunId}/artifacts/model/notes.txt",
            attempts[^1].Path);
        Assert.Equal("PUT", attempts[^1].Method);
        Assert.Equal("text/plain", attempts[^1].ContentType);
        Assert.Equal([503, 200], attempts.Select(a => a.Status));
        Assert.All(attempts, a => Assert.Equal("hello from fmnist\n", a.BodyText));
        var stored = _server.Store.Artifacts[$"{run.Info.ExperimentId}/{run.Info.RunId}/artifacts/model/notes.txt"];
        Assert.Equal("hello from fmnist\n", Encoding.UTF8.GetString(stored));
    }

    [Fact]
    public async Task UploadArtifact_FileUri_CopiesIntoFolder()
    {
        using var folder = new TemporaryDirectory();
        await using var server = await FakeMlflowServer.StartAsync(new Uri(folder.Combine("store")).ToString());
        var client = _host.Client(TrackingTestHost.FastOptions(server.Uri));
        var experiment = await client.GetOrCreateExperimentAsync("fashion", default);
        var run = await client.CreateRunAsync(experiment.ExperimentId, "run", 1, null, [], default);
        var file = folder.Combine("curve.csv");
        await File.WriteAllTextAsync(file, "epoch,loss\n1,0.5\n");

        await client.UploadArtifactAsync(run.Info.ArtifactUri!, file, "plots/curve.csv", default);

        var copied = folder.Combine(
            "store", experiment.ExperimentId, run.Info.RunId, "artifacts", "plots", "curve.csv");
        Assert.Equal("epoch,loss\n1,0.5\n", await File.ReadAllTextAsync(copied));
        Assert.Empty(server.RequestsTo("curve.csv"));
    }

    [Fact]
    public async Task UploadArtifact_OtherScheme_ExplainsServerSetting()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Combine("a.txt");
        await File.WriteAllTextAsync(file, "a");

        var error = await Assert.ThrowsAsync<MlflowException>(
            () => Client().UploadArtifactAsync("s3://bucket/1/abc/artifacts", file, "a.txt", default));

        Assert.Contains("scheme 's3'", error.Message);
        Assert.Contains("--serve-artifacts", error.Message);
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("a/./b.txt")]
    [InlineData("")]
    public async Task UploadArtifact_PathLeavingRun_Rejected(string artifactPath)
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Combine("a.txt");
        await File.WriteAllTextAsync(file, "a");

        await Assert.ThrowsAsync<ArgumentException>(
            () => Client().UploadArtifactAsync("mlflow-artifacts:/1/abc/artifacts", file, artifactPath, default));

        Assert.Empty(_server.Requests);
    }
}
