namespace FashionMnist.Training;

/// <summary>
/// Live progress for a user interface: called on the training thread after every batch, so an
/// implementation must return quickly. The library registers none; the command-line tool does.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>Called before each epoch starts.</summary>
    void EpochStarted(int epoch, int epochs, int batches);

    /// <summary>Called after each training batch with the epoch's running mean loss and accuracy so far.</summary>
    void BatchCompleted(int epoch, int batch, int batches, double runningLoss, double runningAccuracy);
}
