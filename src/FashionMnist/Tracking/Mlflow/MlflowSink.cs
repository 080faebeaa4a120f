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

        var experiment = _options.ExperimentName ?? run.ExperimentName;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var entry in RunEntries.ForStart(run, experiment, now, _journal!.Snapshot(), _logger))
            Append(entry, durable: false);
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

        Append(RunEntries.ForEpoch(metrics), durable: true);
        await TrySendAsync(_options.MaxBlockPerEpoch, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="localPath"/> among the run's artifacts as <paramref name="artifactPath"/>. The upload
    /// is queued in the journal and sent with the end of the run, inside its deadline, so a hanging server costs
    /// one deadline for all artifacts rather than one wait per file. Throws <see cref="ArgumentException"/> when
    /// <paramref name="artifactPath"/> is not a relative path inside the run.
    /// </summary>
    public Task LogArtifactAsync(string localPath, string artifactPath, CancellationToken cancellationToken)
    {
        EnsureStarted();
        var normalized = artifactPath.Replace('\\', '/');
        MlflowArtifactLocation.SplitArtifactPath(normalized);
        if (_ended)
            return Task.CompletedTask;

        var fullPath = Path.GetFullPath(localPath);
        var relative = Path.GetRelativePath(Path.GetFullPath(_run!.RunDirectory), fullPath);
        var stored = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative)
            ? fullPath
            : relative;
        var entry = new JournalEntry { Op = JournalEntry.LogArtifact, LocalPath = stored, ArtifactPath = normalized };
        Append(entry, durable: false);
        return Task.CompletedTask;
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

        var entries = RunEntries.ForEnd(end, _run!.Note);
        foreach (var entry in entries)
            Append(entry, durable: entry.Op == JournalEntry.EndRun);

        if (_client is not null && !_stopped)
        {
            var sent = await TrySendAsync(_options.EndRunTimeout, CancellationToken.None);
            if (!sent && !_stopped)
            {
                MlflowLog.EndNotSent(
                    _logger, _run.RunId, entries[^1].Status!, _options.EndRunTimeout.TotalSeconds, _journal!.FilePath);
            }
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
            ReportTransient($"MLflow server {_client.TrackingUri} did not respond within {budget.TotalSeconds:0.#} s.");
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
            MlflowLog.LoggingStopped(_logger, _run!.RunId, AsSentence(e.Message), _journal!.FilePath);
            return false;
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private void ReportTransient(string reason)
    {
        reason = AsSentence(reason);
        if (_inOutage)
        {
            MlflowLog.ServerStillUnreachable(_logger, _client!.TrackingUri, reason);
            return;
        }
        _inOutage = true;
        MlflowLog.ServerUnreachable(_logger, reason, _run!.RunId, _journal!.FilePath, _client!.TrackingUri);
    }

    // Exception messages become the first sentence of a longer log message.
    private static string AsSentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
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
