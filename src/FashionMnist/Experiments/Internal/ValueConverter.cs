using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Converts YAML nodes to the CLR values of settings, reporting a problem (and returning false) when the node
/// does not fit the type: text for a number, a list where one value belongs, and so on.
/// </summary>
internal sealed class ValueConverter
{
    private readonly ProblemList _problems;

    public ValueConverter(ProblemList problems) => _problems = problems;

    /// <summary>
    /// Converts <paramref name="node"/> to <paramref name="type"/>; false after reporting when it does not fit.
    /// </summary>
    /// <param name="attributes">The setting's validation attributes, used to state the allowed range of a number that
    /// overflows.</param>
    public bool TryConvert(
        ConfigNode node,
        Type type,
        bool allowsNull,
        string key,
        IReadOnlyList<ValidationAttribute> attributes,
        out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            allowsNull = true;
            type = underlying;
        }

        if (node is ConfigScalar { IsNull: true } && allowsNull && SettingSchema.IsScalar(type))
            return true;

        if (type == typeof(object))
            return TryConvertAny(node, key, out value);
        if (SettingSchema.IsScalar(type))
            return TryConvertScalar(node, type, key, attributes, out value);
        if (SettingSchema.ElementType(type) is { } element)
            return TryConvertList(node, type, element, key, out value);
        return TryConvertDictionary(node, type, key, out value);
    }

    private bool TryConvertScalar(
        ConfigNode node, Type type, string key, IReadOnlyList<ValidationAttribute> attributes, out object? value)
    {
        value = null;
        var expected = ExpectedText(type);
        if (node is not ConfigScalar scalar || scalar.IsNull)
            return Fail(node, key, expected);

        if (type == typeof(string))
        {
            value = scalar.Value;
            return true;
        }

        if (type.IsEnum)
            return TryConvertEnum(scalar, type, key, out value);

        if (!scalar.IsPlain)
            return FailQuoted(scalar, type, key, expected);

        if (type == typeof(bool) && ScalarResolver.TryBool(scalar.Value, out var flag))
        {
            value = flag;
            return true;
        }

        if (type == typeof(int) || type == typeof(long))
            return TryConvertInteger(scalar, type, key, attributes, out value);

        if ((type == typeof(double) || type == typeof(float)) && ScalarResolver.TryDouble(scalar.Value, out var number))
        {
            if (!double.IsFinite(number) || type == typeof(float) && !float.IsFinite((float)number))
            {
                _problems.Add(scalar, key, scalar.Value, "expected a finite number");
                return false;
            }
            value = type == typeof(float) ? (object)(float)number : number;
            return true;
        }

        return Fail(scalar, key, expected);
    }

    private bool TryConvertInteger(
        ConfigScalar scalar, Type type, string key, IReadOnlyList<ValidationAttribute> attributes, out object? value)
    {
        value = null;
        var overflows = false;
        if (!ScalarResolver.TryInteger(scalar.Value, out var integer))
        {
            if (!ScalarResolver.IsOversizedInteger(scalar.Value))
                return Fail(scalar, key, ExpectedText(type));
            overflows = true;
        }

        if (overflows || type == typeof(int) && integer is < int.MinValue or > int.MaxValue)
        {
            var range = attributes.OfType<RangeAttribute>().FirstOrDefault();
            var allowed = range is not null ? RangeText.Describe(range)
                : type == typeof(int) ? $"must be from {int.MinValue} to {int.MaxValue}"
                : $"must be from {long.MinValue} to {long.MaxValue}";
            _problems.Add(scalar, key, scalar.Value, $"{scalar.Value} is out of range; {allowed}");
            return false;
        }

        value = type == typeof(int) ? (object)(int)integer : integer;
        return true;
    }

    private bool TryConvertEnum(ConfigScalar scalar, Type type, string key, out object? value)
    {
        value = null;
        var names = Enum.GetNames(type);
        foreach (var name in names)
        {
            var matches = SnakeCase.From(name) == scalar.Value
                || string.Equals(name, scalar.Value, StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                value = Enum.Parse(type, name);
                return true;
            }
        }

        var allowed = names.Select(SnakeCase.From).ToList();
        _problems.Add(scalar, key, scalar.Value,
            $"'{scalar.Value}' is not allowed; allowed values: {string.Join(", ", allowed)}",
            Hosting.NameSuggestion.Closest(scalar.Value, allowed));
        return false;
    }

    private bool TryConvertAny(ConfigNode node, string key, out object? value)
    {
        value = null;
        if (node is not ConfigScalar scalar)
            return Fail(node, key, "a single value");
        value = scalar.IsPlain ? ScalarResolver.Resolve(scalar.Value) : scalar.Value;
        return true;
    }

    private bool TryConvertList(ConfigNode node, Type listType, Type element, string key, out object? value)
    {
        value = null;
        if (node is not ConfigSequence sequence)
            return Fail(node, key, $"a list such as {ExampleList(element)}");

        var items = new List<object?>();
        var ok = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (TryConvert(sequence.Items[i], element, false, $"{key}[{i}]", [], out var item))
                items.Add(item);
            else
                ok = false;
        }
        if (!ok)
            return false;

        value = BuildList(listType, element, items);
        return true;
    }

    private bool TryConvertDictionary(ConfigNode node, Type dictionaryType, string key, out object? value)
    {
        value = null;
        var dictionary = (IDictionary)Activator.CreateInstance(dictionaryType)!;
        if (node is ConfigScalar { IsNull: true })
        {
            value = dictionary;
            return true;
        }
        if (node is not ConfigMapping mapping)
            return Fail(node, key, "a mapping of keys to values");

        var valueType = SettingSchema.DictionaryValueType(dictionaryType);
        var ok = true;
        foreach (var entry in mapping.Entries)
        {
            if (TryConvert(entry.Value, valueType, false, $"{key}.{entry.Key.Value}", [], out var item))
                dictionary[entry.Key.Value] = item;
            else
                ok = false;
        }

        value = dictionary;
        return ok;
    }

    private static object BuildList(Type listType, Type element, List<object?> items)
    {
        if (listType.IsArray)
        {
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
                array.SetValue(items[i], i);
            return array;
        }

        var list = (IList)Activator.CreateInstance(listType)!;
        foreach (var item in items)
            list.Add(item);
        return list;
    }

    private bool Fail(ConfigNode node, string key, string expected)
    {
        var value = node is ConfigScalar { IsNull: false } scalar ? scalar.Value : null;
        _problems.Add(node, key, value, $"expected {expected}, got {node.Describe()}");
        return false;
    }

    private bool FailQuoted(ConfigScalar scalar, Type type, string key, string expected)
    {
        var wouldFit = type == typeof(bool) ? ScalarResolver.TryBool(scalar.Value, out _)
            : type == typeof(int) || type == typeof(long) ? ScalarResolver.TryInteger(scalar.Value, out _)
            : ScalarResolver.TryDouble(scalar.Value, out _);
        var hint = wouldFit ? "; remove the quotes" : "";
        _problems.Add(scalar, key, scalar.Value, $"expected {expected}, got {scalar.Describe()}{hint}");
        return false;
    }

    private static string ExpectedText(Type type)
    {
        if (type == typeof(string))
            return "text";
        if (type == typeof(bool))
            return "true or false";
        if (type == typeof(int) || type == typeof(long))
            return "a whole number";
        if (type.IsEnum)
            return $"one of: {string.Join(", ", Enum.GetNames(type).Select(SnakeCase.From))}";
        return "a number";
    }

    private static string ExampleList(Type element)
    {
        var type = Nullable.GetUnderlyingType(element) ?? element;
        if (type == typeof(int) || type == typeof(long))
            return "[1, 2]";
        if (type == typeof(double) || type == typeof(float) || type == typeof(object))
            return "[0.1, 0.5]";
        return type == typeof(bool) ? "[true, false]" : "[a, b]";
    }
}
