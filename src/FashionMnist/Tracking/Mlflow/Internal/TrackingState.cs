using System.Text.Json;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// <c>&lt;run folder&gt;/tracking/state.json</c>: for each server a run was sent to, its experiment and run ids
/// and the last journal entry the server acknowledged. Rewritten atomically after every acknowledged entry.
/// </summary>
internal sealed class TrackingState
{
    public const string FileName = "state.json";

    public List<ServerState> Servers { get; set; } = [];

    public static string PathFor(string runDirectory) =>
        Path.Combine(runDirectory, RunJournal.FolderName, FileName);

    /// <summary>Reads the state of a run; a missing file is an empty state.</summary>
    public static TrackingState Load(string runDirectory)
    {
        var path = PathFor(runDirectory);
        if (!File.Exists(path))
            return new TrackingState();
        try
        {
            return JsonSerializer.Deserialize<TrackingState>(File.ReadAllText(path), MlflowJson.Options)
                ?? new TrackingState();
        }
        catch (JsonException e)
        {
            throw new MlflowException(
                $"Tracking state {path} is not valid JSON ({e.Message}). Delete it to send the run again as a new "
                + "MLflow run; the journal beside it contains the data.", e);
        }
    }

    /// <summary>Returns the state for <paramref name="trackingUri"/>, adding an empty one when missing.</summary>
    public ServerState For(Uri trackingUri)
    {
        var key = trackingUri.ToString();
        var server = Servers.FirstOrDefault(s => s.TrackingUri == key);
        if (server is null)
        {
            server = new ServerState { TrackingUri = key };
            Servers.Add(server);
        }
        return server;
    }

    /// <summary>Writes the state to a temporary file, flushes it to the disk and renames it over the old one.</summary>
    public void Save(string runDirectory)
    {
        var path = PathFor(runDirectory);
        var temporary = path + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, MlflowJson.Options);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
