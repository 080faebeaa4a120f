using Microsoft.Extensions.Logging;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// Makes the keys and values of a run fit MLflow's rules and remembers what it changed, so that each kind of
/// change gets one warning for the whole run instead of one per key.
/// </summary>
internal sealed class TrackingNotes
{
    private readonly List<string> _renamed = [];
    private readonly List<string> _shortened = [];

    /// <summary>
    /// Returns a valid key for <paramref name="key"/> that is not in <paramref name="used"/> yet, and adds it there.
    /// </summary>
    public string Key(string key, HashSet<string> used)
    {
        var valid = MlflowKeys.Sanitize(key);
        var unique = valid;
        for (var n = 2; !used.Add(unique); n++)
            unique = MlflowKeys.Sanitize(valid[..Math.Min(valid.Length, MlflowKeys.MaxKeyLength - 6)] + "_" + n);
        if (unique != key)
            _renamed.Add($"'{key}' → '{unique}'");
        return unique;
    }

    /// <summary>
    /// Returns <paramref name="value"/> shortened to <paramref name="maxLength"/> characters when longer.
    /// </summary>
    public string Value(string key, string value, int maxLength)
    {
        var fitted = MlflowKeys.Truncate(value, maxLength);
        if (fitted.Length != value.Length)
            _shortened.Add($"{key} ({value.Length} characters)");
        return fitted;
    }

    /// <summary>Logs one warning for the renamed keys and one for the shortened values, if any.</summary>
    public void Report(ILogger logger, string runId)
    {
        if (_renamed.Count > 0)
            MlflowLog.KeysRenamed(logger, runId, string.Join(", ", _renamed));
        if (_shortened.Count > 0)
        {
            MlflowLog.ValuesShortened(
                logger,
                runId,
                MlflowKeys.MaxParamValueLength,
                MlflowKeys.MaxTagValueLength,
                MlflowKeys.TruncationMarker,
                string.Join(", ", _shortened));
        }
    }
}
