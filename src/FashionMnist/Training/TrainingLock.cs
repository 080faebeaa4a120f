using FashionMnist.Tracking;

namespace FashionMnist.Training;

/// <summary>
/// An exclusive lock on a run folder for as long as a process trains it, so a second <c>--resume</c> of the
/// same folder is rejected instead of training beside the first.
/// </summary>
internal static class TrainingLock
{
    /// <summary>Takes the lock or throws <see cref="RunFolderException"/> when another process holds it.</summary>
    public static IDisposable Acquire(RunPaths paths)
    {
        try
        {
            // On Linux and macOS, FileShare.None takes an advisory flock that other .NET processes respect.
            return new FileStream(Path.Combine(paths.Directory, "training.lock"), FileMode.OpenOrCreate,
                FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new RunFolderException(
                $"{paths.Directory} is being trained by another process; wait for it to end, or stop it first.", ex);
        }
    }
}
