namespace FashionMnist.Tracking.Mlflow;

/// <summary>A failure to reach, configure or use the MLflow tracking server; the message names the fix.</summary>
public class MlflowException : Exception
{
    public MlflowException(string message)
        : base(message)
    {
    }

    public MlflowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
