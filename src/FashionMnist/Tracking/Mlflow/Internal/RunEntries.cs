using Microsoft.Extensions.Logging;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// Turns what a run reports into journal entries: keys and values made to fit MLflow's limits, batches within
/// the request limits, and the standard tags, metric names and statuses.
/// </summary>
internal static class RunEntries
{
    private const string NoteTag = "mlflow.note.content";

    // Tags sent with runs/create; the rest go in log-batch requests, which have a limit of 100 per request.
    private static readonly HashSet<string> CreateTagKeys =
        ["mlflow.runName", "mlflow.source.name", "mlflow.source.type", "mlflow.user", RunReplayer.RunIdTag];

    /// <summary>
    /// Returns the start_run entry and the batches of parameters and tags. Keys are renamed and values shortened
    /// where MLflow requires, with one warning per kind of change. A parameter whose value differs from the one
    /// in <paramref name="previous"/> (a resumed run) is left out and reported as an error.
    /// </summary>
    public static IReadOnlyList<JournalEntry> ForStart(
        RunInfo run,
        string experiment,
        long now,
        IReadOnlyList<JournalEntry> previous,
        ILogger logger)
    {
        var notes = new TrackingNotes();
        var (parameters, conflicts) = Params(run, previous, notes, logger);
        var (createTags, runTags) = Tags(run, conflicts, notes);
        notes.Report(logger, run.RunId);

        var start = new JournalEntry
        {
            Op = JournalEntry.StartRun,
            RunId = run.RunId,
            Experiment = experiment,
            // The server requires run_name and the mlflow.runName tag to match, so both use the fitted tag value.
            RunName = createTags.First(t => t.Key == "mlflow.runName").Value,
            User = createTags.First(t => t.Key == "mlflow.user").Value,
            StartTime = run.StartTimeMs > 0 ? run.StartTimeMs : now,
            ParentRunId = run.ParentRunId,
            Tags = createTags,
        };
        return [start, .. MlflowBatch.Split([], parameters, runTags).Select(BatchEntry)];
    }

    /// <summary>
    /// Returns the log_batch entry of one epoch, with step = epoch. The dev metrics are left out when the run
    /// has no dev set (dev accuracy NaN).
    /// </summary>
    public static JournalEntry ForEpoch(EpochMetrics metrics)
    {
        long step = metrics.Epoch;
        var timestamp = metrics.TimestampMs;
        var values = new List<MlflowMetric>
        {
            new("train_loss", metrics.TrainLoss, timestamp, step),
            new("train_accuracy", metrics.TrainAccuracy, timestamp, step),
        };
        if (!double.IsNaN(metrics.DevAccuracy))
        {
            values.Add(new MlflowMetric("dev_loss", metrics.DevLoss, timestamp, step));
            values.Add(new MlflowMetric("dev_accuracy", metrics.DevAccuracy, timestamp, step));
        }
        values.Add(new MlflowMetric("lr", metrics.LearningRate, timestamp, step));
        values.Add(new MlflowMetric("epoch_seconds", metrics.EpochSeconds, timestamp, step));
        values.Add(new MlflowMetric("images_per_second", metrics.ImagesPerSecond, timestamp, step));
        return new JournalEntry { Op = JournalEntry.LogBatch, Metrics = values };
    }

    /// <summary>
    /// Returns the summary metrics and end tags as log_batch entries, followed by the end_run entry, which is
    /// always last. <paramref name="note"/> is the run's description, extended with the error of a failed run.
    /// </summary>
    public static IReadOnlyList<JournalEntry> ForEnd(RunEnd end, string note)
    {
        var batches = MlflowBatch.Split(SummaryMetrics(end), [], EndTags(end, note)).Select(BatchEntry);
        var endRun = new JournalEntry
        {
            Op = JournalEntry.EndRun,
            Status = StatusName(end.Status),
            EndTime = end.EndTimeMs,
        };
        return [.. batches, endRun];
    }

    private static (List<MlflowParam> Params, List<string> Conflicts) Params(
        RunInfo run,
        IReadOnlyList<JournalEntry> previous,
        TrackingNotes notes,
        ILogger logger)
    {
        // Parameters logged before in this folder (a resumed run) must keep their values on the server.
        var logged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in previous)
        {
            foreach (var param in entry.Params ?? [])
                logged[param.Key] = param.Value;
        }

        var parameters = new List<MlflowParam>();
        var conflicts = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (originalKey, originalValue) in run.Parameters)
        {
            var key = notes.Key(originalKey, used);
            var value = notes.Value(key, originalValue, MlflowKeys.MaxParamValueLength);
            if (logged.TryGetValue(key, out var loggedValue))
            {
                if (loggedValue != value)
                {
                    MlflowLog.ParamConflict(logger, key, run.RunId, loggedValue, value);
                    conflicts.Add(key);
                }
                continue;
            }
            parameters.Add(new MlflowParam(key, value));
        }
        return (parameters, conflicts);
    }

    private static (List<MlflowTag> Create, List<MlflowTag> Run) Tags(
        RunInfo run,
        List<string> paramConflicts,
        TrackingNotes notes)
    {
        var tags = new List<KeyValuePair<string, string>>
        {
            new("mlflow.runName", run.RunName),
            new("mlflow.source.name", run.SourceFile ?? "fmnist"),
            new("mlflow.source.type", "LOCAL"),
            new("mlflow.user", Environment.UserName),
            new(RunReplayer.RunIdTag, run.RunId),
        };
        if (run.Note.Length > 0)
            tags.Add(new(NoteTag, run.Note));
        if (run.ParentRunId is not null)
            tags.Add(new("fmnist.parent_run_id", run.ParentRunId));
        if (paramConflicts.Count > 0)
            tags.Add(new("fmnist.param_conflicts", string.Join(", ", paramConflicts)));

        // Tags of the run info, such as those of RunTags, replace standard tags of the same key.
        foreach (var tag in run.Tags)
        {
            var index = tags.FindIndex(t => t.Key == tag.Key);
            if (index >= 0)
                tags[index] = tag;
            else
                tags.Add(tag);
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var create = new List<MlflowTag>();
        var rest = new List<MlflowTag>();
        foreach (var (originalKey, originalValue) in tags)
        {
            var key = notes.Key(originalKey, used);
            var tag = new MlflowTag(key, notes.Value(key, originalValue, MlflowKeys.MaxTagValueLength));
            (CreateTagKeys.Contains(key) ? create : rest).Add(tag);
        }
        return (create, rest);
    }

    private static List<MlflowMetric> SummaryMetrics(RunEnd end)
    {
        if (end.Final is not { } final)
            return [];

        long step = final.EpochsTrained;
        var timestamp = end.EndTimeMs;
        var metrics = new List<MlflowMetric>();
        if (!double.IsNaN(final.BestDevAccuracy))
        {
            metrics.Add(new MlflowMetric("best_dev_accuracy", final.BestDevAccuracy, timestamp, step));
            metrics.Add(new MlflowMetric("best_epoch", final.BestEpoch, timestamp, step));
        }
        metrics.Add(new MlflowMetric("test_accuracy", final.TestAccuracy, timestamp, step));
        metrics.Add(new MlflowMetric("test_loss", final.TestLoss, timestamp, step));
        metrics.Add(new MlflowMetric("epochs_trained", final.EpochsTrained, timestamp, step));
        metrics.Add(new MlflowMetric("training_seconds", final.TrainingSeconds, timestamp, step));
        return metrics;
    }

    private static List<MlflowTag> EndTags(RunEnd end, string note)
    {
        switch (end.Status)
        {
            case RunStatus.Failed:
                var error = string.IsNullOrWhiteSpace(end.Error) ? "unknown error" : end.Error.Trim();
                return
                [
                    new MlflowTag("error", MlflowKeys.Truncate(error, MlflowKeys.MaxTagValueLength)),
                    NoteWith(note, $"**Run failed:** {error}"),
                ];
            case RunStatus.Killed:
                return [NoteWith(note, "**Run interrupted** before it finished.")];
            default:
                return [];
        }
    }

    private static MlflowTag NoteWith(string note, string paragraph)
    {
        var text = note.Length == 0 ? paragraph : note.TrimEnd() + "\n\n" + paragraph;
        return new MlflowTag(NoteTag, MlflowKeys.Truncate(text, MlflowKeys.MaxTagValueLength));
    }

    private static string StatusName(RunStatus status) => status switch
    {
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    private static JournalEntry BatchEntry(MlflowBatch batch) => new()
    {
        Op = JournalEntry.LogBatch,
        Metrics = batch.Metrics.Count > 0 ? batch.Metrics : null,
        Params = batch.Params.Count > 0 ? batch.Params : null,
        Tags = batch.Tags.Count > 0 ? batch.Tags : null,
    };
}
