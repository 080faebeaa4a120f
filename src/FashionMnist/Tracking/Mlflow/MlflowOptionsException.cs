namespace FashionMnist.Tracking.Mlflow;

/// <summary>Invalid tracking settings: every problem found, each naming its source, value and fix.</summary>
public sealed class MlflowOptionsException : MlflowException
{
    public MlflowOptionsException(IReadOnlyList<string> problems)
        : base(FormatMessage(problems))
    {
        Problems = problems;
    }

    /// <summary>One sentence per invalid setting.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string FormatMessage(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? problems[0]
            : "Invalid MLflow tracking settings:" + string.Concat(problems.Select(p => Environment.NewLine + "- " + p));
}
