namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// An exclusive lock on a run's tracking folder, held by the process that trains the run, so that a sync
/// elsewhere does not send the same entries at the same time.
/// </summary>
internal static class RunLock
{
    private const string FileName = "lock";

    /// <summary>Takes the lock, or returns null when another process (or another opener here) has it.</summary>
    public static IDisposable? TryAcquire(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, RunJournal.FolderName);
        Directory.CreateDirectory(folder);
        try
        {
            // On Linux and macOS, FileShare.None takes an advisory flock that other .NET processes respect.
            var path = Path.Combine(folder, FileName);
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
