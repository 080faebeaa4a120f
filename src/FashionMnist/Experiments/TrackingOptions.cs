namespace FashionMnist.Experiments;

/// <summary>
/// The MLflow tracking server and names. A value here beats MLflow's environment variables
/// (<c>MLFLOW_TRACKING_URI</c>, <c>MLFLOW_EXPERIMENT_NAME</c>); a command-line value beats this file.
/// </summary>
public sealed class TrackingOptions
{
    /// <summary>Tracking server URI, such as <c>http://127.0.0.1:5000</c>. Default: none, which keeps runs locally.</summary>
    public string? Uri { get; set; }

    /// <summary>MLflow experiment name. Default: the experiment file's name without extension.</summary>
    public string? Experiment { get; set; }

    /// <summary>MLflow run name. Default: the file's name plus any overridden keys.</summary>
    public string? RunName { get; set; }

    /// <summary>Extra tags set on every run.</summary>
    public Dictionary<string, string> Tags { get; set; } = new();
}
