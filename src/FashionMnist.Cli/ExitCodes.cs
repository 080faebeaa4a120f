namespace FashionMnist.Cli;

/// <summary>The process exit codes of <c>fmnist</c>, as documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>Training or evaluation failed for a reason other than the input: a bug or a resource problem.</summary>
    public const int TrainingFailed = 1;

    /// <summary>
    /// The experiment file, an override or a command-line argument is invalid, such as a run folder that does not
    /// exist or a command line that cannot be parsed.
    /// </summary>
    public const int ConfigurationError = 2;

    /// <summary>
    /// A data file is missing, malformed or fails its checksum, cannot be downloaded, or a run folder has no
    /// weights to load.
    /// </summary>
    public const int DataError = 3;

    /// <summary>The tracking server rejected the run or could not be reached where it was required.</summary>
    public const int TrackingError = 4;

    /// <summary>Interrupted by Ctrl+C or SIGTERM; the run folder keeps a checkpoint to resume from.</summary>
    public const int Interrupted = 130;
}
