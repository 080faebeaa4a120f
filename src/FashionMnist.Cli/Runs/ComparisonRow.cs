namespace FashionMnist.Cli.Runs;

/// <summary>One row of a comparison table: a parameter or metric name and its value in each run, as text.</summary>
internal sealed record ComparisonRow(string Name, IReadOnlyList<string> Values);
