using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// The named HTTP clients and the retry pipeline shared by every <see cref="MlflowClient"/>. Retry settings
/// come with each request (<see cref="PolicyKey"/>), so one pipeline serves clients with different options.
/// </summary>
internal static class MlflowHttp
{
    public const string ClientName = "FashionMnist.Mlflow";
    public const string InsecureTlsClientName = "FashionMnist.Mlflow.InsecureTls";

    public static readonly HttpRequestOptionsKey<MlflowRequestPolicy> PolicyKey = new("FashionMnist.Mlflow.Policy");

    // urllib3's default backoff_max, which MLflow 2.17's client keeps; also caps a server's Retry-After.
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(120);

    private static readonly MlflowRequestPolicy DefaultPolicy = MlflowRequestPolicy.From(new MlflowOptions());

    /// <summary>Statuses that MLflow 2.17's client retries (408, 429, 500, 502–504), widened to all of 5xx.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or (>= 500 and <= 599);

    public static void ConfigurePipeline(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ResilienceHandlerContext context)
    {
        var loggers = context.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var logger = loggers.CreateLogger<MlflowClient>();
        // Polly reports each handled attempt and retry as a warning. MlflowLog.Retrying already logs each retry
        // and a tracking sink reports an outage once, so Polly's own events stay at Debug.
        builder.ConfigureTelemetry(new TelemetryOptions
        {
            LoggerFactory = loggers,
            SeverityProvider = _ => ResilienceEventSeverity.Debug,
        });
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = MlflowOptions.MaxRetriesLimit,
            ShouldHandle = args => ValueTask.FromResult(
                ShouldRetry(PolicyOf(args.Context), args.AttemptNumber, args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                DelayBeforeRetry(PolicyOf(args.Context), args.AttemptNumber, args.Outcome)),
            OnRetry = args =>
            {
                LogRetry(logger, args);
                return default;
            },
        });
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(PolicyOf(args.Context).Timeout),
        });
    }

    private static MlflowRequestPolicy PolicyOf(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(PolicyKey, out var policy) == true ? policy : DefaultPolicy;

    internal static bool ShouldRetry(
        MlflowRequestPolicy policy,
        int attemptNumber,
        Outcome<HttpResponseMessage> outcome)
    {
        if (attemptNumber >= policy.MaxRetries)
            return false;
        if (outcome.Exception is { } exception)
            return IsRetryableException(exception, policy.SafeToRepeat);

        var status = (int)outcome.Result!.StatusCode;
        if (!IsTransientStatus(status))
            return false;
        return policy.SafeToRepeat || status is 408 or 429 or 503;
    }

    private static bool IsRetryableException(Exception exception, bool safeToRepeat) => exception switch
    {
        // A refused connection or an unknown host means the request never reached the server.
        HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
        } => true,
        HttpRequestException => safeToRepeat,
        TimeoutRejectedException => safeToRepeat,
        _ => false,
    };

    /// <summary>
    /// Returns the wait before the next attempt: the server's Retry-After when given, otherwise urllib3 2.x's
    /// backoff as used by MLflow 2.17: none before the first retry, then factor × 2^(n−1) plus random jitter
    /// before retry n, capped at <see cref="MaxBackoff"/>.
    /// </summary>
    internal static TimeSpan DelayBeforeRetry(
        MlflowRequestPolicy policy,
        int attemptNumber,
        Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result?.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow) ?? TimeSpan.Zero;
            return Clamp(wait);
        }

        var consecutiveErrors = attemptNumber + 1;
        if (consecutiveErrors <= 1)
            return TimeSpan.Zero;
        var seconds = policy.BackoffFactor.TotalSeconds * Math.Pow(2, consecutiveErrors - 1)
            + Random.Shared.NextDouble() * policy.BackoffJitter.TotalSeconds;
        return Clamp(TimeSpan.FromSeconds(seconds));
    }

    private static TimeSpan Clamp(TimeSpan wait)
    {
        if (wait < TimeSpan.Zero)
            return TimeSpan.Zero;
        return wait > MaxBackoff ? MaxBackoff : wait;
    }

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        var failure = args.Outcome.Exception is { } exception
            ? $"{exception.GetType().Name}: {exception.Message}"
            : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
        var maxRetries = PolicyOf(args.Context).MaxRetries;
        MlflowLog.Retrying(
            logger,
            request?.Method.Method ?? "?",
            request?.RequestUri?.AbsolutePath ?? "?",
            args.RetryDelay.TotalSeconds,
            args.AttemptNumber + 1,
            maxRetries,
            failure);
    }
}
