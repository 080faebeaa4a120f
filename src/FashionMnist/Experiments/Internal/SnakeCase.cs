using System.Text;

namespace FashionMnist.Experiments.Internal;

/// <summary>Converts PascalCase property names to the snake_case keys used in experiment files.</summary>
internal static class SnakeCase
{
    /// <summary>
    /// Converts a name such as <c>DevFraction</c> to <c>dev_fraction</c> and <c>MaxLR</c> to <c>max_lr</c>.
    /// </summary>
    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && StartsWord(name, i))
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        if (char.IsLower(previous) || char.IsDigit(previous))
            return true;

        // The last capital of an acronym starts a new word when a lowercase letter follows: "HTTPServer".
        return char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
    }
}
