namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// The limits an MLflow 2.17 tracking server enforces on keys, values and batches, and helpers that make
/// keys and values fit them. Sources: recorded server responses, and mlflow/utils/validation.py of MLflow 2.17.
/// </summary>
public static class MlflowKeys
{
    /// <summary>Longest metric, parameter or tag key, in characters.</summary>
    public const int MaxKeyLength = 250;

    /// <summary>Longest parameter value, in characters.</summary>
    public const int MaxParamValueLength = 6000;

    /// <summary>Longest run tag value, in characters.</summary>
    public const int MaxTagValueLength = 5000;

    /// <summary>Most metrics in one log-batch request.</summary>
    public const int MaxMetricsPerBatch = 1000;

    /// <summary>Most parameters in one log-batch request.</summary>
    public const int MaxParamsPerBatch = 100;

    /// <summary>Most tags in one log-batch request.</summary>
    public const int MaxTagsPerBatch = 100;

    /// <summary>Most metrics, parameters and tags together in one log-batch request.</summary>
    public const int MaxEntitiesPerBatch = 1000;

    /// <summary>Largest log-batch request body the server accepts, in bytes.</summary>
    public const int MaxBatchRequestBytes = 1_000_000;

    /// <summary>Ending of a value that was shortened to fit a limit.</summary>
    public const string TruncationMarker = "...[truncated]";

    /// <summary>
    /// Returns why <paramref name="key"/> is not a valid metric, parameter or tag key, or null when it is valid.
    /// A key has 1 to 250 letters, digits and <c>_ - . : /</c> or spaces, and must read the same as a
    /// normalized file path: no leading <c>/</c>, no empty, <c>.</c> or <c>..</c> segments, no leading <c>..</c>.
    /// </summary>
    public static string? Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > MaxKeyLength)
            return $"it has {key.Length} characters and MLflow accepts at most {MaxKeyLength}";
        foreach (var c in key)
        {
            if (!IsAllowed(c))
            {
                return $"it contains '{c}', and MLflow keys may only contain letters, digits, underscores (_), "
                    + "dashes (-), periods (.), spaces ( ), colons (:) and slashes (/)";
            }
        }
        var normalized = NormalizePosixPath(key);
        if (normalized != key || normalized == "." || normalized.StartsWith("..", StringComparison.Ordinal)
            || normalized.StartsWith('/'))
        {
            return $"MLflow may store it as a file path, which would read as '{normalized}'; "
                + "use no leading '/', no '..', '.' or empty segments, and no leading '..'";
        }
        return null;
    }

    /// <summary>True when <paramref name="key"/> passes <see cref="Validate"/>.</summary>
    public static bool IsValid(string key) => Validate(key) is null;

    /// <summary>
    /// Returns a valid key close to <paramref name="key"/>: other characters become <c>_</c>, the key is cut to
    /// 250 characters, empty and <c>.</c> path segments are dropped and <c>..</c> becomes <c>__</c>.
    /// A valid key is returned unchanged.
    /// </summary>
    public static string Sanitize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsValid(key))
            return key;

        var chars = key.Select(c => IsAllowed(c) ? c : '_').ToArray();
        var text = new string(chars, 0, Math.Min(chars.Length, MaxKeyLength));
        var segments = text.Split('/')
            .Where(segment => segment.Length > 0 && segment != ".")
            .Select(segment => segment == ".." ? "__" : segment);
        text = string.Join('/', segments);
        if (text.StartsWith("..", StringComparison.Ordinal))
            text = "__" + text[2..];
        return text.Length == 0 ? "_" : text;
    }

    /// <summary>
    /// Returns <paramref name="value"/> when it fits <paramref name="maxLength"/>, otherwise its start followed by
    /// <see cref="TruncationMarker"/>, exactly <paramref name="maxLength"/> characters long.
    /// </summary>
    public static string Truncate(string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, TruncationMarker.Length);
        if (value.Length <= maxLength)
            return value;

        var keep = maxLength - TruncationMarker.Length;
        if (char.IsHighSurrogate(value[keep - 1]))
            keep--;
        return string.Concat(value.AsSpan(0, keep), TruncationMarker);
    }

    // Letters and decimal digits are word characters both for .NET and for Python's re module, which the
    // server uses. Characters that only one of the two counts are replaced, so a sanitized key always passes.
    private static bool IsAllowed(char c) =>
        c is '_' or '-' or '.' or ' ' or ':' or '/' || (!char.IsSurrogate(c) && char.IsLetterOrDigit(c));

    /// <summary>Python's posixpath.normpath, which the server applies to keys.</summary>
    internal static string NormalizePosixPath(string path)
    {
        if (path.Length == 0)
            return ".";

        // POSIX keeps exactly two leading slashes, and folds one or three and more into one.
        var leadingSlashes = 0;
        if (path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("///", StringComparison.Ordinal))
            leadingSlashes = 2;
        else if (path.StartsWith('/'))
            leadingSlashes = 1;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
                continue;
            if (part != ".." || (leadingSlashes == 0 && parts.Count == 0) || (parts.Count > 0 && parts[^1] == ".."))
                parts.Add(part);
            else if (parts.Count > 0)
                parts.RemoveAt(parts.Count - 1);
        }
        var normalized = new string('/', leadingSlashes) + string.Join('/', parts);
        return normalized.Length == 0 ? "." : normalized;
    }
}
