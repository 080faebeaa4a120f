namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// Checks requests against the server's limits before they are sent, with messages that name the fix.
/// </summary>
internal static class MlflowRequestValidation
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> when a log-batch request breaks a limit or has an invalid key.
    /// </summary>
    public static void ValidateBatch(MlflowBatch batch)
    {
        if (batch.Metrics.Count > MlflowKeys.MaxMetricsPerBatch || batch.Params.Count > MlflowKeys.MaxParamsPerBatch
            || batch.Tags.Count > MlflowKeys.MaxTagsPerBatch || batch.Count > MlflowKeys.MaxEntitiesPerBatch)
        {
            throw new ArgumentException(
                $"A log-batch request contains {batch.Metrics.Count} metrics, {batch.Params.Count} parameters and "
                + $"{batch.Tags.Count} tags; MLflow accepts at most {MlflowKeys.MaxMetricsPerBatch}, "
                + $"{MlflowKeys.MaxParamsPerBatch} and {MlflowKeys.MaxTagsPerBatch}, and "
                + $"{MlflowKeys.MaxEntitiesPerBatch} in all.");
        }

        var duplicate = batch.Params.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Parameter '{duplicate.Key}' appears twice in one log-batch request.");

        foreach (var metric in batch.Metrics)
        {
            ValidateKey(metric.Key, "metric");
            if (metric.Timestamp < 0)
            {
                throw new ArgumentException(
                    $"Metric '{metric.Key}' has the timestamp {metric.Timestamp}; use Unix milliseconds, 0 or more.");
            }
        }
        ValidateEntries(batch.Params.Select(p => (p.Key, p.Value, MlflowKeys.MaxParamValueLength, "parameter")));
        ValidateEntries(batch.Tags.Select(t => (t.Key, t.Value, MlflowKeys.MaxTagValueLength, "tag")));
    }

    /// <summary>Throws <see cref="ArgumentException"/> for an invalid key or a value over its maximum length.</summary>
    public static void ValidateEntries(IEnumerable<(string Key, string Value, int MaxLength, string Kind)> entries)
    {
        foreach (var (key, value, maxLength, kind) in entries)
        {
            ValidateKey(key, kind);
            if (value.Length > maxLength)
            {
                throw new ArgumentException(
                    $"The value of {kind} '{key}' has {value.Length} characters and MLflow accepts at most "
                    + $"{maxLength}; shorten it with MlflowKeys.Truncate.");
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the rule that <paramref name="key"/> breaks.</summary>
    public static void ValidateKey(string key, string kind)
    {
        if (MlflowKeys.Validate(key) is { } reason)
        {
            throw new ArgumentException(
                $"Invalid MLflow {kind} key '{key}': {reason}. MlflowKeys.Sanitize makes it valid.");
        }
    }
}
