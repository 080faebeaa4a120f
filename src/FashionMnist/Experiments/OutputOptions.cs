namespace FashionMnist.Experiments;

/// <summary>Where a run's files go.</summary>
public sealed class OutputOptions
{
    /// <summary>Directory under which each run gets its own folder; relative to the working directory. Default <c>runs</c>.</summary>
    public string Dir { get; set; } = "runs";
}
