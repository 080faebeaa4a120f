namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>Sorts exceptions from sending an operation into <see cref="MlflowFailure"/> kinds.</summary>
internal static class MlflowFailures
{
    public static MlflowFailure Classify(Exception exception) => exception switch
    {
        MlflowUnavailableException => MlflowFailure.Transient,
        MlflowApiException { IsTransient: true } => MlflowFailure.Transient,
        MlflowApiException api when IsRunLevel(api) => MlflowFailure.StopRun,
        MlflowApiException => MlflowFailure.SkipOperation,
        MlflowExperimentDeletedException => MlflowFailure.StopRun,
        MlflowOptionsException => MlflowFailure.StopRun,
        MlflowException or IOException or UnauthorizedAccessException or ArgumentException
            => MlflowFailure.SkipOperation,
        _ => MlflowFailure.StopRun,
    };

    /// <summary>True when the server rejected a parameter because the run already has another value for it.</summary>
    public static bool IsParamConflict(MlflowApiException exception) =>
        exception.ErrorCode == "INVALID_PARAMETER_VALUE"
        && exception.ServerMessage?.Contains("Changing param values is not allowed", StringComparison.Ordinal) == true;

    // Failures that every later request of the run would repeat.
    private static bool IsRunLevel(MlflowApiException exception) =>
        (int)exception.StatusCode is 401 or 403
        || exception.ErrorCode is null
        || exception.ErrorCode == "RESOURCE_DOES_NOT_EXIST"
        || exception.ServerMessage?.Contains("must be in the 'active' state", StringComparison.Ordinal) == true;
}
