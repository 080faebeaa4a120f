namespace FashionMnist.Experiments;

/// <summary>
/// Raised when an experiment cannot be loaded. It carries every problem found in the file, the files it
/// extends and the overrides, so all of them can be fixed at once. The message lists one problem a line.
/// </summary>
public sealed class ExperimentValidationException : Exception
{
    public ExperimentValidationException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join('\n', problems))
    {
        if (problems.Count == 0)
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        Problems = problems;
    }

    /// <summary>
    /// The problems in report order: by file (the loaded file first, <c>--set</c> last), then line and column.
    /// </summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }
}
