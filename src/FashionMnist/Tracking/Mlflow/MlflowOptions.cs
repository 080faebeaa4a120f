using System.Text;

namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// Where and how runs reach an MLflow tracking server. <see cref="MlflowOptionsResolver"/> builds it from the
/// command line, the experiment file's <c>tracking</c> section and MLflow's environment variables. The retry
/// defaults are those of MLflow 2.17's Python client.
/// </summary>
public sealed record MlflowOptions
{
    /// <summary>Maximum accepted <see cref="MaxRetries"/>; MLflow 2.17 rejects 10 retries or more.</summary>
    public const int MaxRetriesLimit = 9;

    /// <summary>
    /// Root of the tracking server, always ending in <c>/</c>, such as <c>http://127.0.0.1:5000/</c>.
    /// Default null: runs are kept in their run folder only, to be sent later by <see cref="MlflowSync"/>.
    /// </summary>
    public Uri? TrackingUri { get; init; }

    /// <summary>MLflow experiment name. Default null, which uses <see cref="RunInfo.ExperimentName"/>.</summary>
    public string? ExperimentName { get; init; }

    /// <summary>
    /// Bearer token sent as <c>Authorization: Bearer</c>; it takes precedence over a user name and password.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>User name for HTTP basic authentication, used together with <see cref="Password"/>.</summary>
    public string? Username { get; init; }

    /// <summary>Password for HTTP basic authentication.</summary>
    public string? Password { get; init; }

    /// <summary>Skip TLS certificate validation of an https server. Default false.</summary>
    public bool InsecureTls { get; init; }

    /// <summary>
    /// Retries of a failed request (connection failure, timeout, HTTP 408, 429 or 5xx), 0 to 9. Default 5.
    /// </summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>
    /// Base of the exponential backoff: the first retry is immediate and retry n waits
    /// factor × 2^(n−1) plus jitter, at most 120 s. Default 2 s.
    /// </summary>
    public TimeSpan BackoffFactor { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of the uniformly random time added to each backoff. Default 1 s.</summary>
    public TimeSpan BackoffJitter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time limit of one request attempt. Default 120 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Maximum time the tracking sink may hold up training at the start and after each epoch while it sends;
    /// what is not sent by then stays in the run's journal and goes with a later epoch. Default 5 s.
    /// </summary>
    public TimeSpan MaxBlockPerEpoch { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Time the sink spends sending the end of a run, with its own deadline so that the final status also
    /// reaches the server after the run was cancelled. Default 15 s.
    /// </summary>
    public TimeSpan EndRunTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>True when no tracking server is configured and runs are kept locally only.</summary>
    public bool IsLocalOnly => TrackingUri is null;

    // Records print every property; this one hides the token and the password so that options can be logged.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TrackingUri = ").Append(TrackingUri?.ToString() ?? "(local only)");
        builder.Append(", ExperimentName = ").Append(ExperimentName ?? "(from the run)");
        builder.Append(", Authentication = ").Append(DescribeAuthentication());
        builder.Append(", InsecureTls = ").Append(InsecureTls);
        builder.Append(", MaxRetries = ").Append(MaxRetries);
        builder.Append(", BackoffFactor = ").Append(BackoffFactor);
        builder.Append(", BackoffJitter = ").Append(BackoffJitter);
        builder.Append(", RequestTimeout = ").Append(RequestTimeout);
        builder.Append(", MaxBlockPerEpoch = ").Append(MaxBlockPerEpoch);
        builder.Append(", EndRunTimeout = ").Append(EndRunTimeout);
        return true;
    }

    private string DescribeAuthentication()
    {
        if (!string.IsNullOrEmpty(Token))
            return "bearer token (hidden)";
        if (!string.IsNullOrEmpty(Username))
            return $"basic as '{Username}' (password hidden)";
        return "none";
    }
}
