using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FashionMnist.Experiments.Internal;

/// <summary>Formats setting values as text in the invariant culture, the way experiment files write them.</summary>
internal static partial class ScalarText
{
    /// <summary>
    /// Formats a single value: <c>true</c>/<c>false</c>, integers as digits, doubles with the shortest text that
    /// reads back to the same double ("R"), enums in snake_case, text unchanged.
    /// </summary>
    public static string Invariant(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        double number => FormatDouble(number),
        float number => FormatFloat(number),
        Enum member => SnakeCase.From(member.ToString()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Formats a value as a YAML flow node that reads back to the same value: text is double-quoted when it
    /// would otherwise read as a null, bool or number or contains YAML syntax, and lists become <c>[a, b]</c>.
    /// </summary>
    public static string Flow(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string text:
                return IsPlainSafe(text) ? text : Quote(text);
            case IEnumerable items:
                return "[" + string.Join(", ", items.Cast<object?>().Select(Flow)) + "]";
            default:
                return Invariant(value);
        }
    }

    /// <summary>
    /// True when the text can be written unquoted in flow or block context and reads back as the same text.
    /// </summary>
    public static bool IsPlainSafe(string text) => PlainPattern().IsMatch(text) && !ScalarResolver.NeedsQuotes(text);

    /// <summary>
    /// Formats a double or float for a YAML file so it reads back as the same number and as a float, not an
    /// integer: ".0" is kept on whole numbers, and infinities and NaN use the YAML forms.
    /// </summary>
    public static string FloatingYaml(object number)
    {
        var value = Convert.ToDouble(number, CultureInfo.InvariantCulture);
        if (double.IsNaN(value))
            return ".nan";
        if (double.IsInfinity(value))
            return value > 0 ? ".inf" : "-.inf";

        var text = Invariant(number);
        return text.AsSpan().IndexOfAny(".eE") < 0 ? text + ".0" : text;
    }

    private static string FormatDouble(double number) => number.ToString("R", CultureInfo.InvariantCulture);

    private static string FormatFloat(float number) => number.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case < ' ':
                    builder.Append($"\\x{(int)c:x2}");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    // Letters, digits and punctuation that mean nothing to YAML in flow context. A leading '-' or '.' could
    // start another token or read as a number, and a trailing space would be lost, so those are quoted.
    [GeneratedRegex(@"^[A-Za-z0-9_/][A-Za-z0-9_./+\- ]*(?<! )$")]
    private static partial Regex PlainPattern();
}
