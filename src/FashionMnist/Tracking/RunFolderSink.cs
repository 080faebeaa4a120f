using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FashionMnist.Tracking;

/// <summary>
/// Writes a run's identity to <c>run.json</c>, one row per epoch to <c>metrics.csv</c> (flushed after every
/// epoch, so an interrupted run keeps what it trained) and the summary to <c>final.json</c>.
/// </summary>
public sealed class RunFolderSink(RunPaths paths) : IMetricSink
{
    internal static readonly string[] MetricColumns =
    [
        "epoch", "train_loss", "train_accuracy", "dev_loss", "dev_accuracy", "lr", "epoch_seconds", "images_per_second",
        "timestamp_ms",
    ];

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public Task StartRunAsync(RunInfo run, CancellationToken cancellationToken)
    {
        File.WriteAllText(paths.RunInfo, JsonSerializer.Serialize(run, Json));
        if (!run.Resumed || !File.Exists(paths.Metrics))
            File.WriteAllText(paths.Metrics, string.Join(',', MetricColumns) + "\n");
        return Task.CompletedTask;
    }

    public Task LogEpochAsync(EpochMetrics metrics, CancellationToken cancellationToken)
    {
        var values = new object[]
        {
            metrics.Epoch, metrics.TrainLoss, metrics.TrainAccuracy, metrics.DevLoss, metrics.DevAccuracy,
            metrics.LearningRate, metrics.EpochSeconds, metrics.ImagesPerSecond, metrics.TimestampMs,
        };
        var line = string.Join(',', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "\n";
        using var stream = new FileStream(paths.Metrics, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
        return Task.CompletedTask;
    }

    public Task LogArtifactAsync(string localPath, string artifactPath, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task EndRunAsync(RunEnd end, CancellationToken cancellationToken)
    {
        WriteFinal(paths, end);
        return Task.CompletedTask;
    }

    /// <summary>Writes <c>final.json</c>: the status, the end time, the error if any and the summary metrics.</summary>
    public static void WriteFinal(RunPaths paths, RunEnd end)
    {
        var summary = new Dictionary<string, object?>
        {
            ["status"] = end.Status.ToString().ToUpperInvariant(),
            ["end_time_ms"] = end.EndTimeMs,
            ["error"] = end.Error,
        };
        if (end.Final is { } final)
        {
            summary["best_dev_accuracy"] = final.BestDevAccuracy;
            summary["best_epoch"] = final.BestEpoch;
            summary["test_accuracy"] = final.TestAccuracy;
            summary["test_loss"] = final.TestLoss;
            summary["epochs_trained"] = final.EpochsTrained;
            summary["training_seconds"] = final.TrainingSeconds;
        }
        File.WriteAllText(paths.Final, JsonSerializer.Serialize(summary, Json));
    }

    /// <summary>Reads <c>metrics.csv</c> back, for resuming and for reports.</summary>
    public static IReadOnlyList<EpochMetrics> ReadMetrics(string path)
    {
        var rows = new List<EpochMetrics>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var f = line.Split(',');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            rows.Add(new EpochMetrics
            {
                Epoch = int.Parse(f[0], CultureInfo.InvariantCulture),
                TrainLoss = D(1),
                TrainAccuracy = D(2),
                DevLoss = D(3),
                DevAccuracy = D(4),
                LearningRate = D(5),
                EpochSeconds = D(6),
                ImagesPerSecond = D(7),
                TimestampMs = long.Parse(f[8], CultureInfo.InvariantCulture),
            });
        }
        return rows;
    }
}
