using System.Globalization;
using System.Text.RegularExpressions;

namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Resolves plain scalars by the YAML 1.2 core schema: <c>~</c>, <c>null</c> and empty text are null,
/// <c>true</c> and <c>false</c> are booleans, and decimal digits are integers or floats.
/// Quoted scalars are always text and never reach these methods as numbers.
/// </summary>
internal static partial class ScalarResolver
{
    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    public static bool TryBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Parses a decimal integer; false for other text and for values beyond the range of long.</summary>
    public static bool TryInteger(string text, out long value)
    {
        value = 0;
        return IntegerPattern().IsMatch(text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True when the text is an integer too large for long, which deserves its own message.</summary>
    public static bool IsOversizedInteger(string text) => IntegerPattern().IsMatch(text) && !TryInteger(text, out _);

    /// <summary>Parses an integer or float, including <c>.inf</c>, <c>-.inf</c> and <c>.nan</c>.</summary>
    public static bool TryDouble(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        value = 0;
        return FloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Returns the value a plain scalar stands for: null, bool, long, double or the text itself.
    /// Used where any type is accepted, such as the value lists of a sweep.
    /// </summary>
    public static object? Resolve(string text)
    {
        if (IsNull(text))
            return null;
        if (TryBool(text, out var flag))
            return flag;
        if (TryInteger(text, out var integer))
            return integer;
        if (TryDouble(text, out var number))
            return number;
        return text;
    }

    /// <summary>
    /// True when the text, written plain, would be read back as something other than the same text, here or by
    /// a YAML 1.1 reader, which takes words such as <c>yes</c> and <c>off</c> for booleans.
    /// </summary>
    public static bool NeedsQuotes(string text) => Resolve(text) is not string || IsYaml11Bool(text);

    private static bool IsYaml11Bool(string text) =>
        text is "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
            or "on" or "On" or "ON" or "off" or "Off" or "OFF";

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
