namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>How far one run got on one tracking server.</summary>
internal sealed class ServerState
{
    /// <summary>Root URI of the server.</summary>
    public required string TrackingUri { get; set; }

    public string? ExperimentId { get; set; }

    /// <summary>MLflow's id of the run, once created.</summary>
    public string? RunId { get; set; }

    public string? ArtifactUri { get; set; }

    /// <summary>Highest journal sequence number the server has applied; later entries are pending.</summary>
    public long AcknowledgedSeq { get; set; }

    /// <summary>
    /// True once a runs/create request was sent, so a retry looks the run up before creating it again.
    /// </summary>
    public bool CreateAttempted { get; set; }

    /// <summary>Sequence numbers the server rejected for good; they were skipped.</summary>
    public List<long> Rejected { get; set; } = [];
}
