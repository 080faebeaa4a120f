namespace FashionMnist.Tracking.Mlflow;

/// <summary>The experiment exists on the server but was deleted, so no run can be created in it.</summary>
public sealed class MlflowExperimentDeletedException : MlflowException
{
    public MlflowExperimentDeletedException(string experimentName, string experimentId, Uri trackingUri)
        : base(
            $"MLflow experiment '{experimentName}' (id {experimentId}) on {trackingUri} is deleted, so runs cannot be "
            + "logged to it. Restore it with 'mlflow experiments restore --experiment-id "
            + $"{experimentId}' (with MLFLOW_TRACKING_URI={trackingUri}), or log to another name with "
            + "tracking.experiment, --experiment or MLFLOW_EXPERIMENT_NAME. A deleted experiment keeps its name "
            + "until the server's garbage collection ('mlflow gc') removes it.")
    {
        ExperimentName = experimentName;
        ExperimentId = experimentId;
    }

    /// <summary>Name of the deleted experiment.</summary>
    public string ExperimentName { get; }

    /// <summary>Id of the deleted experiment.</summary>
    public string ExperimentId { get; }
}
