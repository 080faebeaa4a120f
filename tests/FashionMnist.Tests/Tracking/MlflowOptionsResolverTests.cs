using FashionMnist.Experiments;
using FashionMnist.Tracking.Mlflow;

namespace FashionMnist.Tests.Tracking;

public sealed class MlflowOptionsResolverTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => values.GetValueOrDefault(name);
    }

    [Fact]
    public void Resolve_NothingSet_LocalWithDefaults()
    {
        var options = MlflowOptionsResolver.Resolve(null, null, Environment());

        Assert.True(options.IsLocalOnly);
        Assert.Null(options.ExperimentName);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.BackoffFactor);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BackoffJitter);
        Assert.Equal(TimeSpan.FromSeconds(120), options.RequestTimeout);
        Assert.False(options.InsecureTls);
    }

    [Fact]
    public void Resolve_Environment_ReadsEveryVariable()
    {
        var options = MlflowOptionsResolver.Resolve(null, null, Environment(
            ("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000"),
            ("MLFLOW_EXPERIMENT_NAME", "fashion"),
            ("MLFLOW_TRACKING_TOKEN", "tok"),
            ("MLFLOW_TRACKING_INSECURE_TLS", "TRUE"),
            ("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.5"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", "0"),
            ("MLFLOW_HTTP_REQUEST_TIMEOUT", "30")));

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), options.TrackingUri);
        Assert.Equal("fashion", options.ExperimentName);
        Assert.Equal("tok", options.Token);
        Assert.True(options.InsecureTls);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.BackoffFactor);
        Assert.Equal(TimeSpan.Zero, options.BackoffJitter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
    }

    [Fact]
    public void Resolve_Sources_CommandLineFirst()
    {
        var file = new TrackingOptions { Uri = "http://file-host:5000", Experiment = "from-file" };
        var environment = Environment(
            ("MLFLOW_TRACKING_URI", "http://env-host:5000"), ("MLFLOW_EXPERIMENT_NAME", "from-env"));
        var commandLine = new MlflowCommandLine("http://cli-host:5000", "from-cli");

        var fromCommandLine = MlflowOptionsResolver.Resolve(commandLine, file, environment);
        var fromFile = MlflowOptionsResolver.Resolve(new MlflowCommandLine(), file, environment);
        var fromEnvironment = MlflowOptionsResolver.Resolve(null, new TrackingOptions(), environment);

        Assert.Equal("cli-host", fromCommandLine.TrackingUri!.Host);
        Assert.Equal("from-cli", fromCommandLine.ExperimentName);
        Assert.Equal("file-host", fromFile.TrackingUri!.Host);
        Assert.Equal("from-file", fromFile.ExperimentName);
        Assert.Equal("env-host", fromEnvironment.TrackingUri!.Host);
        Assert.Equal("from-env", fromEnvironment.ExperimentName);
    }

    [Theory]
    [InlineData("file:///tmp/mlruns")]
    [InlineData("./mlruns")]
    [InlineData("/var/mlruns")]
    [InlineData("  ")]
    public void Resolve_FileUriOrPath_KeepsRunsLocal(string uri)
    {
        var options = MlflowOptionsResolver.Resolve(new MlflowCommandLine(uri), null, Environment());

        Assert.True(options.IsLocalOnly);
    }

    [Fact]
    public void Resolve_UriWithPath_EndsWithSlash()
    {
        var commandLine = new MlflowCommandLine("https://example.org/mlflow");

        var options = MlflowOptionsResolver.Resolve(commandLine, null, Environment());

        Assert.Equal("https://example.org/mlflow/", options.TrackingUri!.ToString());
    }

    [Fact]
    public void Resolve_BadValues_ReportsEveryVariableAtOnce()
    {
        var error = Assert.Throws<MlflowOptionsException>(() => MlflowOptionsResolver.Resolve(null, null, Environment(
            ("MLFLOW_TRACKING_INSECURE_TLS", "yes"),
            ("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "10"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "-1"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", "soon"),
            ("MLFLOW_HTTP_REQUEST_TIMEOUT", "0"),
            ("MLFLOW_TRACKING_USERNAME", "ada"))));

        Assert.Equal(6, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("MLFLOW_TRACKING_INSECURE_TLS is 'yes'"));
        Assert.Contains(
            error.Problems, p => p.StartsWith("MLFLOW_HTTP_REQUEST_MAX_RETRIES is '10'") && p.Contains("0 to 9"));
        Assert.Contains(error.Problems, p => p.StartsWith("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR is '-1'"));
        Assert.Contains(error.Problems, p => p.StartsWith("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER is 'soon'"));
        Assert.Contains(error.Problems, p => p.StartsWith("MLFLOW_HTTP_REQUEST_TIMEOUT is '0'"));
        Assert.Contains(
            error.Problems, p => p.StartsWith("MLFLOW_TRACKING_USERNAME is set but MLFLOW_TRACKING_PASSWORD is not"));
    }

    [Theory]
    [InlineData("sqlite:///mlruns.db", "sqlite")]
    [InlineData("postgresql://db/mlflow", "postgresql")]
    public void Resolve_DatabaseUri_NamesSourceAndScheme(string uri, string scheme)
    {
        var error = Assert.Throws<MlflowOptionsException>(
            () => MlflowOptionsResolver.Resolve(new MlflowCommandLine(uri), null, Environment()));

        Assert.StartsWith($"--tracking-uri '{uri}' uses the scheme '{scheme}'", error.Message);
        Assert.Contains("mlflow server --backend-store-uri", error.Message);
    }

    [Fact]
    public void Resolve_UriCredentials_BecomeBasicAuth()
    {
        var options = MlflowOptionsResolver.Resolve(
            null, new TrackingOptions { Uri = "http://ada:p%40ss@127.0.0.1:5000" }, Environment());

        Assert.Equal("ada", options.Username);
        Assert.Equal("p@ss", options.Password);
        Assert.Equal("http://127.0.0.1:5000/", options.TrackingUri!.ToString());
    }

    [Fact]
    public void Resolve_TokenAndPassword_TokenWins()
    {
        var options = MlflowOptionsResolver.Resolve(null, null, Environment(
            ("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000"),
            ("MLFLOW_TRACKING_TOKEN", "tok"),
            ("MLFLOW_TRACKING_USERNAME", "ada"),
            ("MLFLOW_TRACKING_PASSWORD", "pw")));

        Assert.Equal("tok", options.Token);
        Assert.Null(options.Username);
        Assert.Null(options.Password);
    }

    [Fact]
    public void ToString_HidesSecrets()
    {
        var withToken = new MlflowOptions { TrackingUri = new Uri("http://h/"), Token = "tok-secret" };
        var withPassword = new MlflowOptions
        {
            TrackingUri = new Uri("http://h/"),
            Username = "ada",
            Password = "pw-secret",
        };

        Assert.DoesNotContain("tok-secret", withToken.ToString());
        Assert.Contains("bearer token (hidden)", withToken.ToString());
        Assert.DoesNotContain("pw-secret", withPassword.ToString());
        Assert.Contains("basic as 'ada'", withPassword.ToString());
    }
}
