using System.Globalization;
using System.Text.Json;
using FashionMnist.Tracking;

namespace FashionMnist.Cli.Runs;

/// <summary>
/// Reads run folders as <see cref="RunFolderSink"/> writes them, tolerating missing, half-written and foreign
/// files: a problem with a file becomes a note on the <see cref="LocalRun"/>, never an exception.
/// </summary>
internal static class RunFolderReader
{
    /// <summary>
    /// Reads every folder directly under <paramref name="root"/>: runs newest first by start time, then folders
    /// without a readable start time, newest first by modification time.
    /// </summary>
    public static IReadOnlyList<LocalRun> List(string root) =>
        Directory.EnumerateDirectories(root)
            .Select(Read)
            .OrderBy(run => run.StartTime is null)
            .ThenByDescending(SortTime)
            .ThenBy(run => run.RunId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads the run folder <paramref name="directory"/>.</summary>
    public static LocalRun Read(string directory)
    {
        var paths = new RunPaths(directory);
        var problems = new List<string>();
        var info = ReadJson(paths.RunInfo, problems);
        var final = ReadJson(paths.Final, problems);
        var (metricRows, bestDevFromMetrics) = SummarizeMetrics(paths.Metrics, problems);

        var status = info is null ? null : Text(final, "status")?.ToLowerInvariant();
        return new LocalRun
        {
            Paths = paths,
            RunId = Text(info, "run_id") ?? paths.RunId,
            ExperimentName = Text(info, "experiment_name"),
            RunName = Text(info, "run_name"),
            Status = status ?? "incomplete",
            Epochs = Integer(final, "epochs_trained") ?? metricRows,
            BestEpoch = Integer(final, "best_epoch"),
            BestDevAccuracy = Number(final, "best_dev_accuracy") ?? bestDevFromMetrics,
            TestAccuracy = Number(final, "test_accuracy"),
            TestLoss = Number(final, "test_loss"),
            TrainingSeconds = Number(final, "training_seconds"),
            StartTime = Integer64(info, "start_time_ms") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            Parameters = Parameters(info),
            Problems = problems,
        };
    }

    /// <summary>
    /// Returns the epochs of <c>metrics.csv</c>, or an empty list with a note in <paramref name="problems"/> when
    /// the file is missing or malformed.
    /// </summary>
    public static IReadOnlyList<EpochMetrics> ReadMetrics(LocalRun run, List<string> problems)
    {
        if (!File.Exists(run.Paths.Metrics))
        {
            problems.Add($"{run.RunId}: no metrics.csv, so it has no learning curves");
            return [];
        }

        try
        {
            return RunFolderSink.ReadMetrics(run.Paths.Metrics);
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException
                                       or IOException or UnauthorizedAccessException)
        {
            problems.Add($"{run.RunId}: cannot read {run.Paths.Metrics}: {ex.Message}");
            return [];
        }
    }

    private static DateTimeOffset SortTime(LocalRun run)
    {
        if (run.StartTime is { } start)
            return start;
        return new DateTimeOffset(Directory.GetLastWriteTimeUtc(run.Paths.Directory), TimeSpan.Zero);
    }

    private static JsonElement? ReadJson(string path, List<string> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add($"no {Path.GetFileName(path)}");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return document.RootElement.Clone();
            problems.Add($"{Path.GetFileName(path)} is not a JSON object");
        }
        catch (JsonException ex)
        {
            problems.Add($"{Path.GetFileName(path)} is not valid JSON ({ex.Message})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"cannot read {Path.GetFileName(path)} ({ex.Message})");
        }
        return null;
    }

    private static (int? Rows, double? BestDev) SummarizeMetrics(string path, List<string> problems)
    {
        if (!File.Exists(path))
            return (null, null);

        try
        {
            var rows = 0;
            double? best = null;
            foreach (var line in File.ReadLines(path).Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                rows++;
                var fields = line.Split(',');
                var dev = double.NaN;
                if (fields.Length > 4)
                    double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out dev);
                if (double.IsFinite(dev) && (best is null || dev > best))
                    best = dev;
            }
            return (rows, best);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"cannot read metrics.csv ({ex.Message})");
            return (null, null);
        }
    }

    private static IReadOnlyDictionary<string, string> Parameters(JsonElement? info)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (info is { } root && root.TryGetProperty("parameters", out var parameters)
            && parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in parameters.EnumerateObject())
                result[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
        }
        return result;
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { } root && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int? Integer(JsonElement? element, string name) =>
        element is { } root && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            ? number
            : null;

    private static long? Integer64(JsonElement? element, string name) =>
        element is { } root && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number)
            ? number
            : null;

    // final.json writes NaN (a run without a dev set) as the string "NaN".
    private static double? Number(JsonElement? element, string name)
    {
        if (element is not { } root || !root.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Number)
            return value.GetDouble();
        if (value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        return null;
    }
}
