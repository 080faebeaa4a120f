using FashionMnist.Tracking.Mlflow.Internal;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// Sends runs recorded while no server was configured or reachable: every journal entry the server has not
/// acknowledged yet. A second sync sends nothing new.
/// </summary>
public sealed class MlflowSync
{
    private readonly MlflowClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ILogger<MlflowSync> _logger;

    public MlflowSync(MlflowClientFactory clients, TimeProvider time, ILogger<MlflowSync> logger)
    {
        _clients = clients;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Sends one run folder, or every run folder under <paramref name="path"/> (such as <c>runs</c>), oldest first
    /// so that a sweep's parent exists before its children. A run whose process stopped without a final status is
    /// marked KILLED. Throws <see cref="MlflowOptionsException"/> without a tracking URI and
    /// <see cref="MlflowException"/> when <paramref name="path"/> is not a folder; a run that fails is reported in
    /// the result and the others are still sent.
    /// </summary>
    public async Task<MlflowSyncReport> SyncAsync(
        string path,
        MlflowOptions options,
        CancellationToken cancellationToken)
    {
        if (options.IsLocalOnly)
        {
            throw new MlflowOptionsException(
            [
                "Sync needs a tracking server: set --tracking-uri, tracking.uri or MLFLOW_TRACKING_URI to its address, "
                + "such as http://127.0.0.1:5000.",
            ]);
        }

        var client = _clients.Create(options);
        var results = new List<MlflowRunSyncResult>();
        foreach (var runDirectory in FindRunDirectories(path))
            results.Add(await SyncRunAsync(client, runDirectory, cancellationToken));
        return new MlflowSyncReport(client.TrackingUri, results);
    }

    private static IReadOnlyList<string> FindRunDirectories(string path)
    {
        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            throw new MlflowException(
                $"'{path}' is not a folder; pass a run folder or the folder that contains them "
                + "(output.dir, default 'runs').");
        }
        if (File.Exists(RunJournal.PathFor(root)))
            return [root];

        var journals = Directory.EnumerateFiles(
            root, RunJournal.FileName, new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 6 });
        var runs = journals
            .Where(file => Path.GetFileName(Path.GetDirectoryName(file)) == RunJournal.FolderName)
            .Select(file => (Directory: Path.GetDirectoryName(Path.GetDirectoryName(file))!, Start: ReadStart(file)))
            .ToList();

        // A parent run must reach the server before its children, which name its server id; runs recorded in the
        // same millisecond would otherwise go in folder-name order.
        var parents = runs.Where(run => run.Start.RunId is not null)
            .ToDictionary(run => run.Start.RunId!, run => run.Start.ParentRunId);
        return runs
            .OrderBy(run => NestingDepth(run.Start.ParentRunId, parents))
            .ThenBy(run => run.Start.Time)
            .ThenBy(run => run.Directory, StringComparer.Ordinal)
            .Select(run => run.Directory)
            .ToList();
    }

    /// <summary>Returns how many of the runs found are ancestors of a run with parent <paramref name="parentRunId"/>.</summary>
    private static int NestingDepth(string? parentRunId, Dictionary<string, string?> parents)
    {
        var depth = 0;
        while (parentRunId is not null && parents.TryGetValue(parentRunId, out var grandparent) && depth <= parents.Count)
        {
            depth++;
            parentRunId = grandparent;
        }
        return depth;
    }

    /// <summary>Reads the time of a journal's first entry and the run and parent ids of its start_run entry.</summary>
    private static (long Time, string? RunId, string? ParentRunId) ReadStart(string journalPath)
    {
        try
        {
            var entries = RunJournal.Read(journalPath);
            var start = entries.FirstOrDefault(e => e.Op == JournalEntry.StartRun);
            return (entries.FirstOrDefault()?.Time ?? long.MaxValue, start?.RunId, start?.ParentRunId);
        }
        catch (IOException)
        {
            return (long.MaxValue, null, null);
        }
    }

    private async Task<MlflowRunSyncResult> SyncRunAsync(
        MlflowClient client,
        string runDirectory,
        CancellationToken cancellationToken)
    {
        using var runLock = RunLock.TryAcquire(runDirectory);
        if (runLock is null)
        {
            MlflowLog.SyncSkippedInProgress(_logger, runDirectory);
            return new MlflowRunSyncResult(runDirectory, null, MlflowRunSyncStatus.InProgress, 0, null, null);
        }

        string? runId = null;
        ServerState? server = null;
        try
        {
            using var journal = RunJournal.Open(runDirectory);
            var entries = journal.Snapshot();
            runId = entries.FirstOrDefault(e => e.Op == JournalEntry.StartRun)?.RunId;
            if (runId is null)
            {
                throw new MlflowException(
                    $"Journal {journal.FilePath} has no start_run entry, so the run cannot be created.");
            }
            MarkKilledIfUnfinished(journal, entries, runId);

            var replayer = new RunReplayer(runDirectory, journal, TrackingState.Load(runDirectory), _logger);
            server = replayer.StateFor(client.TrackingUri);
            var sent = await replayer.SendPendingAsync(client, cancellationToken);
            if (sent == 0)
                MlflowLog.SyncUpToDate(_logger, runId);
            else
                MlflowLog.SyncSent(_logger, sent, runId, server.RunId ?? "?");
            var status = sent == 0 ? MlflowRunSyncStatus.UpToDate : MlflowRunSyncStatus.Sent;
            return new MlflowRunSyncResult(runDirectory, runId, status, sent, server.RunId, null);
        }
        catch (Exception e) when (e is MlflowException or IOException or UnauthorizedAccessException)
        {
            MlflowLog.SyncFailed(_logger, runId ?? runDirectory, e.Message);
            var status = MlflowRunSyncStatus.Failed;
            return new MlflowRunSyncResult(runDirectory, runId, status, 0, server?.RunId, e.Message);
        }
    }

    // The lock is free, so no process trains this run any more; one that started last without ending was killed.
    private void MarkKilledIfUnfinished(RunJournal journal, IReadOnlyList<JournalEntry> entries, string runId)
    {
        var lastStart = entries.Last(e => e.Op == JournalEntry.StartRun).Seq;
        var lastEnd = entries.LastOrDefault(e => e.Op == JournalEntry.EndRun)?.Seq ?? 0;
        if (lastEnd > lastStart)
            return;

        MlflowLog.SyncMarkedKilled(_logger, runId);
        var endTime = entries.Max(e => e.Time);
        journal.Append(
            new JournalEntry
            {
                Op = JournalEntry.EndRun,
                Time = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                Status = "KILLED",
                EndTime = endTime > 0 ? endTime : _time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            durable: true);
    }
}
