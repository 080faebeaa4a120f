namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// The tracking server did not respond: connection refused, name not resolved, or timed out after all retries.
/// </summary>
public sealed class MlflowUnavailableException : MlflowException
{
    public MlflowUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
