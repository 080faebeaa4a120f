using System.Globalization;
using FashionMnist.Experiments;

namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// Builds <see cref="MlflowOptions"/> from, in order of precedence, the command line, the experiment file's
/// <c>tracking</c> section and MLflow's environment variables, with the meanings and defaults of MLflow 2.17's
/// Python client (mlflow/environment_variables.py in MLflow 2.17).
/// </summary>
public static class MlflowOptionsResolver
{
    public const string TrackingUriVariable = "MLFLOW_TRACKING_URI";
    public const string ExperimentNameVariable = "MLFLOW_EXPERIMENT_NAME";
    public const string TokenVariable = "MLFLOW_TRACKING_TOKEN";
    public const string UsernameVariable = "MLFLOW_TRACKING_USERNAME";
    public const string PasswordVariable = "MLFLOW_TRACKING_PASSWORD";
    public const string InsecureTlsVariable = "MLFLOW_TRACKING_INSECURE_TLS";
    public const string MaxRetriesVariable = "MLFLOW_HTTP_REQUEST_MAX_RETRIES";
    public const string BackoffFactorVariable = "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR";
    public const string BackoffJitterVariable = "MLFLOW_HTTP_REQUEST_BACKOFF_JITTER";
    public const string TimeoutVariable = "MLFLOW_HTTP_REQUEST_TIMEOUT";

    // MLflow 2.17 rejects a backoff factor of 120 s or more (_MLFLOW_HTTP_REQUEST_MAX_BACKOFF_FACTOR_LIMIT).
    private const double BackoffFactorLimitSeconds = 120;

    /// <summary>
    /// Resolves the options. <paramref name="environment"/> reads a variable and defaults to the process
    /// environment. Throws <see cref="MlflowOptionsException"/> listing every invalid value.
    /// </summary>
    public static MlflowOptions Resolve(
        MlflowCommandLine? commandLine,
        TrackingOptions? experimentFile,
        Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var problems = new List<string>();

        var (uriText, uriSource) = FirstSet(
            (commandLine?.TrackingUri, "--tracking-uri"),
            (experimentFile?.Uri, "tracking.uri in the experiment file"),
            (environment(TrackingUriVariable), TrackingUriVariable));
        var (experimentName, _) = FirstSet(
            (commandLine?.ExperimentName, "--experiment"),
            (experimentFile?.Experiment, "tracking.experiment in the experiment file"),
            (environment(ExperimentNameVariable), ExperimentNameVariable));

        var uri = ParseTrackingUri(uriText, uriSource, problems, out var uriUser, out var uriPassword);
        var defaults = new MlflowOptions();
        var options = defaults with
        {
            TrackingUri = uri,
            ExperimentName = experimentName,
            InsecureTls = ParseBoolean(environment, InsecureTlsVariable, problems) ?? false,
            MaxRetries = ParseMaxRetries(environment, problems) ?? defaults.MaxRetries,
            BackoffFactor = ParseSeconds(environment, BackoffFactorVariable, BackoffFactorLimitSeconds, problems)
                ?? defaults.BackoffFactor,
            BackoffJitter = ParseSeconds(environment, BackoffJitterVariable, double.MaxValue, problems)
                ?? defaults.BackoffJitter,
            RequestTimeout = ParseTimeout(environment, problems) ?? defaults.RequestTimeout,
        };
        options = WithCredentials(options, environment, uriUser, uriPassword, problems);

        if (problems.Count > 0)
            throw new MlflowOptionsException(problems);
        return options;
    }

    private static (string? Value, string Source) FirstSet(params (string? Value, string Source)[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate.Value))
                return (candidate.Value.Trim(), candidate.Source);
        }
        return (null, "");
    }

    private static Uri? ParseTrackingUri(
        string? text,
        string source,
        List<string> problems,
        out string? user,
        out string? password)
    {
        user = null;
        password = null;
        if (text is null || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || LooksLikeLocalPath(text))
            return null;

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            problems.Add($"{source} '{text}' is not a valid URI; use the server's address, such as "
                + "http://127.0.0.1:5000, or leave it unset to keep runs locally.");
            return null;
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{source} '{Redact(uri)}' uses the scheme '{uri.Scheme}', which fmnist cannot log to; start "
                + "an MLflow tracking server on that store ('mlflow server --backend-store-uri ...') and set "
                + "its http:// address, or leave it unset to keep runs locally.");
            return null;
        }

        // Credentials in the URI work as user name and password and are moved out of it, so the URI can be logged.
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }
        var builder = new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" };
        if (!builder.Path.EndsWith('/'))
            builder.Path += "/";
        return builder.Uri;
    }

    // MLflow reads a URI without a scheme, such as ./mlruns, as a local file store; "databricks" is a profile name.
    private static bool LooksLikeLocalPath(string text) =>
        !text.Contains("://") && !text.StartsWith("databricks", StringComparison.OrdinalIgnoreCase);

    private static string Redact(Uri uri) =>
        uri.UserInfo.Length == 0 ? uri.ToString() : new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString();

    private static MlflowOptions WithCredentials(
        MlflowOptions options,
        Func<string, string?> environment,
        string? uriUser,
        string? uriPassword,
        List<string> problems)
    {
        var token = NullIfEmpty(environment(TokenVariable));
        var user = NullIfEmpty(environment(UsernameVariable)) ?? uriUser;
        var password = NullIfEmpty(environment(PasswordVariable)) ?? uriPassword;

        if (token is null && (user is null) != (password is null))
        {
            var (set, missing) = user is null
                ? (PasswordVariable, UsernameVariable)
                : (UsernameVariable, PasswordVariable);
            problems.Add($"{set} is set but {missing} is not; basic authentication needs both, "
                + $"or set {TokenVariable} for a bearer token.");
        }
        return token is null
            ? options with { Username = user, Password = password }
            : options with { Token = token };
    }

    private static bool? ParseBoolean(Func<string, string?> environment, string name, List<string> problems)
    {
        var text = environment(name);
        if (text is null)
            return null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                problems.Add($"{name} is '{text}'; use true, false, 1 or 0 (any case).");
                return null;
        }
    }

    private static int? ParseMaxRetries(Func<string, string?> environment, List<string> problems)
    {
        var text = NullIfEmpty(environment(MaxRetriesVariable));
        if (text is null)
            return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and <= MlflowOptions.MaxRetriesLimit)
        {
            return value;
        }
        problems.Add($"{MaxRetriesVariable} is '{text}'; use a whole number of retries from 0 to "
            + $"{MlflowOptions.MaxRetriesLimit} (default 5).");
        return null;
    }

    // MLflow's client takes whole seconds here; a decimal such as 0.1 is also accepted so tests can back off fast.
    private static TimeSpan? ParseSeconds(
        Func<string, string?> environment,
        string name,
        double exclusiveLimit,
        List<string> problems)
    {
        var text = NullIfEmpty(environment(name));
        if (text is null)
            return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0
            && seconds < exclusiveLimit)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        var range = exclusiveLimit < double.MaxValue ? $"from 0 up to but excluding {exclusiveLimit}" : "0 or more";
        problems.Add($"{name} is '{text}'; use a number of seconds {range}.");
        return null;
    }

    private static TimeSpan? ParseTimeout(Func<string, string?> environment, List<string> problems)
    {
        var text = NullIfEmpty(environment(TimeoutVariable));
        if (text is null)
            return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0
            && seconds <= int.MaxValue / 1000.0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        problems.Add($"{TimeoutVariable} is '{text}'; use a positive number of seconds (default 120).");
        return null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
