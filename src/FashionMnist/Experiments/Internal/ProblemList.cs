namespace FashionMnist.Experiments.Internal;

/// <summary>Collects the problems of one load and orders them for the report.</summary>
internal sealed class ProblemList
{
    /// <summary>Source name of problems raised by command-line overrides.</summary>
    public const string OverrideSource = "--set";

    private readonly List<ConfigProblem> _problems = [];
    private readonly List<string> _sourceOrder = [];

    public int Count => _problems.Count;

    /// <summary>
    /// Records that a file was read, so its problems are reported after those of files read before it.
    /// </summary>
    public void AddSource(string source)
    {
        if (!_sourceOrder.Contains(source))
            _sourceOrder.Add(source);
    }

    public void Add(ConfigNode node, string key, string? value, string message, string? suggestion = null) =>
        Add(node.Source, node.Line, node.Column, key, value, message, suggestion);

    public void Add(
        string source, int line, int column, string key, string? value, string message, string? suggestion = null)
    {
        AddSource(source);
        _problems.Add(new ConfigProblem(source, line, column, key, value, message, suggestion));
    }

    /// <summary>Returns the problems by file (in reading order, <c>--set</c> last), then line and column.</summary>
    public IReadOnlyList<ConfigProblem> Ordered() =>
        _problems
            .OrderBy(p => p.File == OverrideSource ? int.MaxValue : _sourceOrder.IndexOf(p.File))
            .ThenBy(p => p.Line)
            .ThenBy(p => p.Column)
            .ToList();

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
            throw new ExperimentValidationException(Ordered());
    }
}
