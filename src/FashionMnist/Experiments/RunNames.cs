namespace FashionMnist.Experiments;

/// <summary>Default names for runs.</summary>
public static class RunNames
{
    /// <summary>
    /// Returns the experiment file's name without extension followed by each override, such as
    /// <c>baseline optimizer.lr=0.001</c>. Spaces around an override's <c>=</c> are removed; the overrides
    /// keep their order. A source without a file name gives <c>experiment</c>.
    /// </summary>
    public static string Default(string sourcePath, IReadOnlyList<string> overrides)
    {
        var name = Path.GetFileNameWithoutExtension(sourcePath);
        if (string.IsNullOrWhiteSpace(name))
            name = "experiment";
        return string.Join(' ', overrides.Select(Normalize).Where(o => o.Length > 0).Prepend(name));
    }

    private static string Normalize(string assignment)
    {
        var equals = assignment.IndexOf('=');
        if (equals < 0)
            return assignment.Trim();
        return $"{assignment[..equals].Trim()}={assignment[(equals + 1)..].Trim()}";
    }
}
