namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>Retry settings that travel with one request to the shared resilience pipeline.</summary>
/// <param name="MaxRetries">Retries after the first attempt; 0 sends once.</param>
/// <param name="BackoffFactor">Base of the exponential backoff.</param>
/// <param name="BackoffJitter">Upper bound of the random time added to each backoff.</param>
/// <param name="Timeout">Time limit of one attempt.</param>
/// <param name="SafeToRepeat">
/// False for a request that must not be applied twice, such as creating a run: it is then retried only after
/// failures that prove the server did not process it (no connection, HTTP 408, 429 or 503).
/// </param>
internal sealed record MlflowRequestPolicy(
    int MaxRetries,
    TimeSpan BackoffFactor,
    TimeSpan BackoffJitter,
    TimeSpan Timeout,
    bool SafeToRepeat = true)
{
    public static MlflowRequestPolicy From(MlflowOptions options) =>
        new(options.MaxRetries, options.BackoffFactor, options.BackoffJitter, options.RequestTimeout);
}
