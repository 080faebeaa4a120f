namespace FashionMnist.Tracking;

/// <summary>Terminal state of a run, with MLflow's names.</summary>
public enum RunStatus
{
    Finished,
    Failed,
    Killed,
}
