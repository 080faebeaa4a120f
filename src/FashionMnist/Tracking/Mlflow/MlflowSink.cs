using FashionMnist.Tracking.Mlflow.Internal;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// Sends a run to an MLflow tracking server: parameters, tags, per-epoch metrics (step = epoch), summary metrics,
/// artifacts and the final status. Every operation is first appended to the run's journal
/// (<c>&lt;run folder&gt;/tracking/journal.jsonl</c>), then sent. When the server is down, slow or failing, training
/// goes on: the sink logs one warning, keeps the operations and sends them after a later epoch or through
/// <see cref="MlflowSync"/>. It never throws for a server problem and waits for the server at most
/// <see cref="MlflowOptions.MaxBlockPerEpoch"/> per call. One sink tracks one run; create it with
/// <see cref="MlflowSinkFactory"/>.
/// </summary>
public sealed class MlflowSink : IMetricSink, IAsyncDisposable
{
    private const string NoteTag = "mlflow.note.content";

    // Tags sent with runs/create; the rest go in log-batch requests, which have a limit of 100 per request.
    private static readonly HashSet<string> CreateTagKeys =
        ["mlflow.runName", "mlflow.source.name", "mlflow.source.type", "mlflow.user", RunReplayer.RunIdTag];

    private readonly MlflowOptions _options;
    private readonly MlflowClient? _client;
    private readonly MlflowClient? _probeClient;
    private readonly TimeProvider _time;
    private readonly ILogger<MlflowSink> _logger;
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    private RunInfo? _run;
    private RunJournal? _journal;
    private RunReplayer? _replayer;
    private IDisposable? _runLock;
    private bool _inOutage;
    private bool _stopped;
    private bool _ended;
    private bool _journalErrorReported;

    internal MlflowSink(MlflowOptions options, MlflowClient? client, TimeProvider time, ILogger<MlflowSink> logger)
    {
        _options = options;
        _client = client;
        _probeClient = client?.WithoutRetries();
        _time = time;
        _logger = logger;
    }

    /// <summary>Full path of the run's journal, once the run started.</summary>
    public string? JournalPath => _journal?.FilePath;

    /// <summary>
    /// Records the run's start, tags and parameters and creates the MLflow run (and its experiment when missing).
    /// Parameter keys MLflow rejects are renamed and values over its limits shortened, each with one warning.
    /// </summary>
    public async Task StartRunAsync(RunInfo run, CancellationToken cancellationToken)
    {
        if (_run is not null)
            throw new InvalidOperationException("This MLflow sink already tracks a run; create one sink per run.");
        _run = run;
        OpenJournal(run.RunDirectory);

        var notes = new TrackingNotes();
        var (parameters, conflicts) = BuildParams(run, notes);
        var (createTags, runTags) = BuildTags(run, conflicts, notes);
        notes.Report(_logger, run.RunId);

        Append(new JournalEntry
        {
            Op = JournalEntry.StartRun,
            RunId = run.RunId,
            Experiment = _options.ExperimentName ?? run.ExperimentName,
            RunName = run.RunName,
            User = createTags.First(t => t.Key == "mlflow.user").Value,
            StartTime = run.StartTimeMs > 0 ? run.StartTimeMs : _time.GetUtcNow().ToUnixTimeMilliseconds(),
            ParentRunId = run.ParentRunId,
            Tags = createTags,
        }, durable: false);
        foreach (var batch in MlflowBatch.Split([], parameters, runTags))
            Append(BatchEntry(batch), durable: false);
        FlushJournal();

        if (_client is null)
        {
            MlflowLog.LocalOnly(_logger, run.RunId, _journal!.FilePath);
            return;
        }
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        await TrySendAsync(_options.MaxBlockPerEpoch, cancellationToken);
    }

    /// <summary>
    /// Logs the epoch's metrics with step = epoch: train_loss, train_accuracy, dev_loss, dev_accuracy, lr,
    /// epoch_seconds and images_per_second. The dev metrics are left out when the run has no dev set
    /// (dev accuracy NaN). A NaN or infinite loss is sent as it is.
    /// </summary>
    public async Task LogEpochAsync(EpochMetrics metrics, CancellationToken cancellationToken)
    {
        EnsureStarted();
        if (_ended)
            return;

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

        Append(new JournalEntry { Op = JournalEntry.LogBatch, Metrics = values }, durable: true);
        await TrySendAsync(_options.MaxBlockPerEpoch, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="localPath"/> among the run's artifacts as <paramref name="artifactPath"/>. Throws
    /// <see cref="ArgumentException"/> when <paramref name="artifactPath"/> is not a relative path inside the run.
    /// </summary>
    public async Task LogArtifactAsync(string localPath, string artifactPath, CancellationToken cancellationToken)
    {
        EnsureStarted();
        var normalized = artifactPath.Replace('\\', '/');
        MlflowArtifactLocation.SplitArtifactPath(normalized);
        if (_ended)
            return;

        var fullPath = Path.GetFullPath(localPath);
        var relative = Path.GetRelativePath(Path.GetFullPath(_run!.RunDirectory), fullPath);
        var stored = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative)
            ? fullPath
            : relative;
        Append(new JournalEntry { Op = JournalEntry.LogArtifact, LocalPath = stored, ArtifactPath = normalized }, durable: false);
        await TrySendAsync(_options.MaxBlockPerEpoch, cancellationToken);
    }

    /// <summary>
    /// Logs the summary metrics (best_dev_accuracy, best_epoch, test_accuracy, test_loss, epochs_trained,
    /// training_seconds) and sets the final status with its end time. A failed run also gets its error in the
    /// <c>error</c> tag and in the note. Sending uses its own deadline, <see cref="MlflowOptions.EndRunTimeout"/>,
    /// so the status also reaches the server after <paramref name="cancellationToken"/> fired.
    /// </summary>
    public async Task EndRunAsync(RunEnd end, CancellationToken cancellationToken)
    {
        EnsureStarted();
        if (_ended)
            return;
        _ended = true;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;

        var metrics = SummaryMetrics(end);
        var tags = EndTags(end);
        if (metrics.Count > 0 || tags.Count > 0)
        {
            foreach (var batch in MlflowBatch.Split(metrics, [], tags))
                Append(BatchEntry(batch), durable: false);
        }
        var status = StatusName(end.Status);
        Append(new JournalEntry { Op = JournalEntry.EndRun, Status = status, EndTime = end.EndTimeMs }, durable: true);

        if (_client is not null && !_stopped)
        {
            var sent = await TrySendAsync(_options.EndRunTimeout, CancellationToken.None);
            if (!sent && !_stopped)
                MlflowLog.EndNotSent(_logger, _run!.RunId, status, _options.EndRunTimeout.TotalSeconds, _journal!.FilePath);
        }
        CloseJournal();
    }

    /// <summary>Ends a run that was started but not ended as KILLED, then releases the journal.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_run is not null && !_ended)
        {
            await EndRunAsync(
                new RunEnd { Status = RunStatus.Killed, EndTimeMs = _time.GetUtcNow().ToUnixTimeMilliseconds() },
                CancellationToken.None);
        }
        CloseJournal();
    }

    private void EnsureStarted()
    {
        if (_run is null)
            throw new InvalidOperationException("Call StartRunAsync before logging to the MLflow sink.");
    }

    private void OpenJournal(string runDirectory)
    {
        var state = new TrackingState();
        try
        {
            _runLock = RunLock.TryAcquire(runDirectory);
            if (_runLock is null)
            {
                MlflowLog.JournalLocked(_logger, runDirectory);
                _stopped = true;
                _journal = RunJournal.InMemory(runDirectory);
            }
            else
            {
                _journal = RunJournal.Open(runDirectory);
                state = TrackingState.Load(runDirectory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or MlflowException)
        {
            ReportJournalError(RunJournal.PathFor(runDirectory), e);
            _journal ??= RunJournal.InMemory(runDirectory);
        }
        _replayer = new RunReplayer(runDirectory, _journal, state, _logger);
    }

    private (List<MlflowParam> Params, List<string> Conflicts) BuildParams(RunInfo run, TrackingNotes notes)
    {
        // Parameters logged before in this folder (a resumed run) must keep their values on the server.
        var logged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in _journal!.Snapshot())
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
                    MlflowLog.ParamConflict(_logger, key, run.RunId, loggedValue, value);
                    conflicts.Add(key);
                }
                continue;
            }
            parameters.Add(new MlflowParam(key, value));
        }
        return (parameters, conflicts);
    }

    private static (List<MlflowTag> Create, List<MlflowTag> Run) BuildTags(
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

    private List<MlflowTag> EndTags(RunEnd end)
    {
        var note = _run!.Note;
        switch (end.Status)
        {
            case RunStatus.Failed:
                var error = string.IsNullOrWhiteSpace(end.Error) ? "unknown error" : end.Error.Trim();
                return
                [
                    new MlflowTag("error", MlflowKeys.Truncate(error, MlflowKeys.MaxTagValueLength)),
                    new MlflowTag(NoteTag, MlflowKeys.Truncate(
                        AppendParagraph(note, $"**Run failed:** {error}"), MlflowKeys.MaxTagValueLength)),
                ];
            case RunStatus.Killed:
                return
                [
                    new MlflowTag(NoteTag, MlflowKeys.Truncate(
                        AppendParagraph(note, "**Run interrupted** before it finished."), MlflowKeys.MaxTagValueLength)),
                ];
            default:
                return [];
        }
    }

    private static string AppendParagraph(string note, string paragraph) =>
        note.Length == 0 ? paragraph : note.TrimEnd() + "\n\n" + paragraph;

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

    /// <summary>
    /// Sends pending entries within <paramref name="budget"/> and returns true when all were acknowledged.
    /// Server problems are reported, never thrown.
    /// </summary>
    private async Task<bool> TrySendAsync(TimeSpan budget, CancellationToken callerToken)
    {
        if (_client is null || _stopped || _replayer is null)
            return false;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        deadline.CancelAfter(budget);
        try
        {
            await _sendGate.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            // While the server is away each entry is tried once, so an epoch is not held up by backoff.
            var sent = await _replayer.SendPendingAsync(_inOutage ? _probeClient! : _client, deadline.Token);
            if (_inOutage)
            {
                _inOutage = false;
                MlflowLog.ServerBack(_logger, _client.TrackingUri, sent, _run!.RunId);
            }
            return true;
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            ReportTransient($"no response within {budget.TotalSeconds:0.#} s");
            return false;
        }
        catch (Exception e) when (MlflowFailures.Classify(e) == MlflowFailure.Transient)
        {
            ReportTransient(e.Message);
            return false;
        }
        catch (Exception e)
        {
            // Training goes on whatever the failure; a run the server rejects stays in the journal for a later sync.
            _stopped = true;
            MlflowLog.LoggingStopped(_logger, _run!.RunId, e.Message, _journal!.FilePath);
            return false;
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private void ReportTransient(string reason)
    {
        if (_inOutage)
        {
            MlflowLog.ServerStillUnreachable(_logger, _client!.TrackingUri, reason);
            return;
        }
        _inOutage = true;
        MlflowLog.ServerUnreachable(_logger, _client!.TrackingUri, reason, _run!.RunId, _journal!.FilePath);
    }

    private void Append(JournalEntry entry, bool durable)
    {
        try
        {
            _journal!.Append(entry with { Time = _time.GetUtcNow().ToUnixTimeMilliseconds() }, durable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ReportJournalError(_journal!.FilePath, e);
        }
    }

    private void FlushJournal()
    {
        try
        {
            _journal!.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ReportJournalError(_journal!.FilePath, e);
        }
    }

    private void ReportJournalError(string path, Exception exception)
    {
        if (_journalErrorReported)
            return;
        _journalErrorReported = true;
        MlflowLog.JournalWriteFailed(_logger, path, exception.Message, _run?.RunId ?? "?");
    }

    private void CloseJournal()
    {
        _journal?.Dispose();
        _runLock?.Dispose();
        _runLock = null;
    }

    // Last resort when the process exits without ending the run, so the server does not show it RUNNING forever.
    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_ended)
            return;
        var end = new RunEnd { Status = RunStatus.Killed, EndTimeMs = _time.GetUtcNow().ToUnixTimeMilliseconds() };
        Task.Run(() => EndRunAsync(end, CancellationToken.None)).Wait(TimeSpan.FromSeconds(3));
    }
}
