using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FashionMnist.Hosting;

namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Checks a converted value against the property's DataAnnotations attributes. <see cref="RangeAttribute"/>
/// and <see cref="AllowedValuesAttribute"/> get messages that state the range or list the allowed values;
/// a range on a list property applies to each element. Other attributes use their own error message.
/// </summary>
internal sealed class AttributeValidator
{
    private readonly ProblemList _problems;

    public AttributeValidator(ProblemList problems) => _problems = problems;

    /// <summary>
    /// Returns true when the value passes every attribute; otherwise reports each failure and returns false.
    /// </summary>
    public bool Validate(object? value, IReadOnlyList<ValidationAttribute> attributes, ConfigNode node, string key)
    {
        var ok = true;
        foreach (var attribute in attributes)
            ok &= Check(value, attribute, node, key);
        return ok;
    }

    private bool Check(object? value, ValidationAttribute attribute, ConfigNode node, string key)
    {
        switch (attribute)
        {
            case RangeAttribute range:
                return CheckRange(value, range, node, key);
            case AllowedValuesAttribute allowed:
                return CheckAllowed(value, allowed, node, key);
            case DeniedValuesAttribute denied when denied.Values.Any(v => SameValue(v, value)):
                _problems.Add(node, key, Text(value), $"'{Text(value)}' is not allowed here; choose another value");
                return false;
            default:
                if (attribute.IsValid(value))
                    return true;
                _problems.Add(node, key, Text(value), attribute.FormatErrorMessage(key));
                return false;
        }
    }

    private bool CheckRange(object? value, RangeAttribute range, ConfigNode node, string key)
    {
        if (value is null or string)
            return true;

        if (value is IEnumerable items)
        {
            var ok = true;
            var index = 0;
            foreach (var item in items)
            {
                var itemNode = node is ConfigSequence sequence && index < sequence.Items.Count
                    ? sequence.Items[index]
                    : node;
                ok &= CheckRange(item, range, itemNode, $"{key}[{index}]");
                index++;
            }
            return ok;
        }

        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (RangeText.Contains(range, number))
            return true;

        var text = Text(value);
        _problems.Add(node, key, text, $"{text} is out of range; {RangeText.Describe(range)}");
        return false;
    }

    private bool CheckAllowed(object? value, AllowedValuesAttribute allowed, ConfigNode node, string key)
    {
        if (allowed.Values.Any(v => SameValue(v, value)))
            return true;

        var choices = allowed.Values.Select(Text).ToList();
        var text = Text(value);
        _problems.Add(node, key, text, $"'{text}' is not allowed; allowed values: {string.Join(", ", choices)}",
            NameSuggestion.Closest(text, choices));
        return false;
    }

    /// <summary>Compares an attribute's value with a bound one, so that 1 (int) matches 1L and 1.0.</summary>
    private static bool SameValue(object? expected, object? actual)
    {
        if (Equals(expected, actual))
            return true;
        return IsNumber(expected) && IsNumber(actual)
            && Convert.ToDouble(expected, CultureInfo.InvariantCulture)
                == Convert.ToDouble(actual, CultureInfo.InvariantCulture);
    }

    private static bool IsNumber(object? value) => value is int or long or double or float;

    private static string Text(object? value) => value is null ? "null" : RangeText.Format(value);
}
