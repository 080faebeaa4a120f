namespace FashionMnist.Hosting;

/// <summary>Finds the valid name closest to a misspelt one, by edit distance.</summary>
public static class NameSuggestion
{
    /// <summary>
    /// Returns the candidate with the smallest Levenshtein distance to <paramref name="name"/>, ignoring case,
    /// or null when even the best one differs in more than half of its characters.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (best is null || bestDistance > Math.Max(2, Math.Max(name.Length, best.Length) / 2))
            return null;
        return best;
    }

    /// <summary>Returns the Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
