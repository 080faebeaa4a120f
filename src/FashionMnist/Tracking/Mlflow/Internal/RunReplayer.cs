using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// Sends the journal entries of one run that its tracking server has not acknowledged yet, in order, one request
/// each, and records every acknowledgement in the run's state file. Both the live sink and sync use it.
/// </summary>
internal sealed partial class RunReplayer
{
    public const string RunIdTag = "fmnist.run_id";

    private readonly string _runDirectory;
    private readonly RunJournal _journal;
    private readonly TrackingState _state;
    private readonly ILogger _logger;
    private bool _stateWriteReported;
    private bool _artifactStoreReported;

    public RunReplayer(string runDirectory, RunJournal journal, TrackingState state, ILogger logger)
    {
        _runDirectory = runDirectory;
        _journal = journal;
        _state = state;
        _logger = logger;
    }

    private string LocalRunId => _journal.Snapshot().FirstOrDefault(e => e.Op == JournalEntry.StartRun)?.RunId ?? "?";

    /// <summary>Returns the state of this run on <paramref name="trackingUri"/>.</summary>
    public ServerState StateFor(Uri trackingUri) => _state.For(trackingUri);

    /// <summary>True when every entry was acknowledged by the server of <paramref name="trackingUri"/>.</summary>
    public bool IsUpToDate(Uri trackingUri)
    {
        var entries = _journal.Snapshot();
        return entries.Count == 0 || _state.For(trackingUri).AcknowledgedSeq >= entries[^1].Seq;
    }

    /// <summary>
    /// Sends the pending entries and returns how many were acknowledged. Stops at the first failure that is not
    /// the rejection of a single operation and throws it. Entries up to there stay acknowledged.
    /// </summary>
    public async Task<int> SendPendingAsync(MlflowClient client, CancellationToken cancellationToken)
    {
        var server = _state.For(client.TrackingUri);
        var sent = 0;
        // The journal may grow while this runs; entries added meanwhile go with the next call.
        foreach (var entry in _journal.Snapshot().Where(e => e.Seq > server.AcknowledgedSeq))
        {
            await SendAsync(client, server, entry, cancellationToken);
            server.AcknowledgedSeq = entry.Seq;
            SaveState();
            sent++;
        }
        return sent;
    }

    private async Task SendAsync(
        MlflowClient client,
        ServerState server,
        JournalEntry entry,
        CancellationToken cancellationToken)
    {
        if (entry.Op == JournalEntry.StartRun)
        {
            await StartRunAsync(client, server, entry, cancellationToken);
            return;
        }
        if (server.RunId is null)
            throw new MlflowException($"Journal {_journal.FilePath} does not start with a start_run entry.");

        try
        {
            await (entry.Op switch
            {
                JournalEntry.LogBatch => LogBatchAsync(client, server, entry, cancellationToken),
                JournalEntry.LogArtifact => LogArtifactAsync(client, server, entry, cancellationToken),
                JournalEntry.EndRun => client.UpdateRunAsync(
                    server.RunId, entry.Status, entry.EndTime, null, cancellationToken),
                _ => throw new MlflowException($"Journal entry {entry.Seq} has the unknown operation '{entry.Op}'."),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException
            && MlflowFailures.Classify(e) == MlflowFailure.SkipOperation)
        {
            server.Rejected.Add(entry.Seq);
            ReportRejection(entry, e);
        }
    }

    private void ReportRejection(JournalEntry entry, Exception exception)
    {
        // An artifact store this client cannot write rejects every artifact of the run, so one error reports it.
        var unsupportedStore = entry.Op == JournalEntry.LogArtifact && exception.GetType() == typeof(MlflowException);
        if (unsupportedStore && _artifactStoreReported)
            return;
        _artifactStoreReported |= unsupportedStore;
        MlflowLog.OperationRejected(_logger, entry.Seq, entry.Op, LocalRunId, exception.Message, _journal.FilePath);
    }

    private async Task StartRunAsync(
        MlflowClient client,
        ServerState server,
        JournalEntry entry,
        CancellationToken cancellationToken)
    {
        if (server.RunId is not null)
        {
            // Training resumed in the same folder: the MLflow run goes on.
            await client.UpdateRunAsync(server.RunId, "RUNNING", null, null, cancellationToken);
            return;
        }

        var experiment = await client.GetOrCreateExperimentAsync(entry.Experiment!, cancellationToken);
        server.ExperimentId = experiment.ExperimentId;

        var run = server.CreateAttempted
            ? await FindRunAsync(client, experiment.ExperimentId, entry.RunId!, cancellationToken)
            : null;
        if (run is null)
        {
            var tags = (entry.Tags ?? []).ToList();
            if (entry.ParentRunId is { } parent)
            {
                var parentRunId = await ResolveParentAsync(
                    client, experiment.ExperimentId, parent, entry.RunId!, cancellationToken);
                if (parentRunId is not null)
                    tags.Add(new MlflowTag("mlflow.parentRunId", parentRunId));
            }

            server.CreateAttempted = true;
            SaveState();
            var startTime = entry.StartTime ?? entry.Time;
            run = await client.CreateRunAsync(
                experiment.ExperimentId, entry.RunName, startTime, entry.User, tags, cancellationToken);
        }

        server.RunId = run.Info.RunId;
        server.ArtifactUri = run.Info.ArtifactUri;
        var page = client.GetRunPageUri(experiment.ExperimentId, run.Info.RunId);
        MlflowLog.RunCreated(_logger, run.Info.RunId, entry.RunId ?? "?", page.ToString());
    }

    private async Task<string?> ResolveParentAsync(
        MlflowClient client,
        string experimentId,
        string parentLocalId,
        string runId,
        CancellationToken cancellationToken)
    {
        var parent = await FindRunAsync(client, experimentId, parentLocalId, cancellationToken);
        if (parent is not null)
            return parent.Info.RunId;
        if (MlflowRunIdPattern().IsMatch(parentLocalId))
            return parentLocalId;
        MlflowLog.ParentNotFound(_logger, parentLocalId, runId);
        return null;
    }

    private static async Task<MlflowRun?> FindRunAsync(
        MlflowClient client,
        string experimentId,
        string localRunId,
        CancellationToken cancellationToken)
    {
        var filter = $"tags.`{RunIdTag}` = '{localRunId.Replace("'", "\\'")}'";
        var page = await client.SearchRunsAsync([experimentId], filter, 1, null, cancellationToken);
        return page.Runs.Count > 0 ? page.Runs[0] : null;
    }

    private async Task LogBatchAsync(
        MlflowClient client,
        ServerState server,
        JournalEntry entry,
        CancellationToken cancellationToken)
    {
        var batch = new MlflowBatch(entry.Metrics ?? [], entry.Params ?? [], entry.Tags ?? []);
        try
        {
            await client.LogBatchAsync(server.RunId!, batch, cancellationToken);
        }
        catch (MlflowApiException e) when (MlflowFailures.IsParamConflict(e) && batch.Params.Count > 0)
        {
            MlflowLog.ServerParamConflict(_logger, LocalRunId, e.ServerMessage ?? e.Message);
            server.Rejected.Add(entry.Seq);
            var withoutParams = batch with { Params = [] };
            if (withoutParams.Count > 0)
                await client.LogBatchAsync(server.RunId!, withoutParams, cancellationToken);
        }
    }

    private async Task LogArtifactAsync(
        MlflowClient client,
        ServerState server,
        JournalEntry entry,
        CancellationToken cancellationToken)
    {
        server.ArtifactUri ??= (await client.GetRunAsync(server.RunId!, cancellationToken)).Info.ArtifactUri;
        var localPath = Path.IsPathFullyQualified(entry.LocalPath!)
            ? entry.LocalPath!
            : Path.Combine(_runDirectory, entry.LocalPath!);
        if (!File.Exists(localPath))
            throw new FileNotFoundException($"The artifact file {localPath} no longer exists.", localPath);
        await client.UploadArtifactAsync(server.ArtifactUri!, localPath, entry.ArtifactPath!, cancellationToken);
    }

    private void SaveState()
    {
        try
        {
            _state.Save(_runDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Acknowledgements stay in memory, so a later sync may send these entries again. MLflow ignores a
            // metric identical in key, value, timestamp and step to a stored one, and an unchanged parameter.
            if (!_stateWriteReported)
                MlflowLog.JournalWriteFailed(_logger, TrackingState.PathFor(_runDirectory), e.Message, LocalRunId);
            _stateWriteReported = true;
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex MlflowRunIdPattern();
}
