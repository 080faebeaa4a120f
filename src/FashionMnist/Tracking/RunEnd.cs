namespace FashionMnist.Tracking;

/// <summary>How a run ended, with its summary when it got that far.</summary>
public sealed record RunEnd
{
    public required RunStatus Status { get; init; }

    /// <summary>Unix milliseconds at the end.</summary>
    public required long EndTimeMs { get; init; }

    /// <summary>The error of a failed run, one line.</summary>
    public string? Error { get; init; }

    /// <summary>The final metrics, or null when the run did not reach the test evaluation.</summary>
    public FinalMetrics? Final { get; init; }
}
