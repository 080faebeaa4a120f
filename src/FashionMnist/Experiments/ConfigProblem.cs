namespace FashionMnist.Experiments;

/// <summary>One mistake in an experiment file or a <c>--set</c> override, with where it is and how to fix it.</summary>
/// <param name="File">The file as the user named it, or <c>--set</c> for a command-line override.</param>
/// <param name="Line">1-based line of the bad node; 0 when there is no position, as for a missing file or
/// <c>--set</c>.</param>
/// <param name="Column">1-based column of the bad node; 0 when <paramref name="Line"/> is 0.</param>
/// <param name="Key">Dotted key of the setting, such as <c>optimizer.lr</c>; empty for a problem with the whole
/// file.</param>
/// <param name="Value">
/// The bad value as written (for an unknown key, the key itself), or null when there is no single value,
/// as for a list or a mapping.
/// </param>
/// <param name="Message">What is wrong and what to do, without the location.</param>
/// <param name="Suggestion">The closest valid key, name or value, shown as "did you mean"; null when none is
/// close.</param>
public sealed record ConfigProblem(
    string File,
    int Line,
    int Column,
    string Key,
    string? Value,
    string Message,
    string? Suggestion)
{
    /// <summary>Formats the problem as <c>file:line:column: key: message; did you mean 'x'?</c>.</summary>
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var key = Key.Length > 0 ? $"{Key}: " : "";
        var hint = Suggestion is null ? "" : $"; did you mean '{Suggestion}'?";
        return $"{location}: {key}{Message}{hint}";
    }
}
