using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace FashionMnist.Experiments.Internal;

/// <summary>
/// The settable properties of options and settings classes, found by reflection. A property is settable
/// when it has a public getter and setter; computed properties such as <c>Enabled</c> are skipped.
/// </summary>
internal static class SettingSchema
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<SettingProperty>> Cache = new();

    /// <summary>
    /// Returns the settable properties of <paramref name="type"/> in declaration order, base class first.
    /// </summary>
    /// <exception cref="InvalidOperationException">A property has a type that experiment files cannot
    /// express.</exception>
    public static IReadOnlyList<SettingProperty> PropertiesOf(Type type) => Cache.GetOrAdd(type, Discover);

    /// <summary>
    /// Returns the value-kind type a dictionary holds, such as string for <c>Dictionary&lt;string, string&gt;</c>.
    /// </summary>
    public static Type DictionaryValueType(Type dictionaryType) => dictionaryType.GetGenericArguments()[1];

    /// <summary>Returns the element type of a list or array type, or null for other types.</summary>
    public static Type? ElementType(Type type)
    {
        if (type.IsArray)
            return type.GetElementType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return type.GetGenericArguments()[0];
        return null;
    }

    /// <summary>
    /// True for types written as one YAML scalar: text, bool, whole and real numbers, enums, and nullable forms.
    /// </summary>
    public static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying == typeof(bool) || underlying == typeof(int)
            || underlying == typeof(long) || underlying == typeof(double) || underlying == typeof(float)
            || underlying.IsEnum;
    }

    private static IReadOnlyList<SettingProperty> Discover(Type type)
    {
        // NullabilityInfoContext is not thread-safe, so each discovery gets its own.
        var nullability = new NullabilityInfoContext();

        // Order by inheritance depth so that a component's own keys (name, then lr) come before subclass ones.
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(IsSettable)
            .OrderBy(p => Depth(p.DeclaringType!))
            .ThenBy(p => p.MetadataToken)
            .Select(p => Describe(type, p, nullability))
            .ToList();
    }

    private static bool IsSettable(PropertyInfo property)
    {
        if (property.GetIndexParameters().Length > 0 || property.GetMethod?.IsPublic != true)
            return false;
        if (property.SetMethod?.IsPublic != true)
            return false;

        // The settings object is filled from the section's other keys, never from a key of its own.
        return property.DeclaringType != typeof(ComponentOptions)
            || property.Name != nameof(ComponentOptions.Settings);
    }

    private static SettingProperty Describe(Type owner, PropertyInfo property, NullabilityInfoContext nullability)
    {
        var kind = KindOf(owner, property);
        var allowsNull = Nullable.GetUnderlyingType(property.PropertyType) is not null
            || !property.PropertyType.IsValueType
            && nullability.Create(property).WriteState == NullabilityState.Nullable;
        var attributes = property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToList();
        return new SettingProperty(SnakeCase.From(property.Name), property, kind, allowsNull, attributes);
    }

    private static SettingKind KindOf(Type owner, PropertyInfo property)
    {
        var type = property.PropertyType;
        if (IsScalar(type) || ElementType(type) is { } element && (IsScalar(element) || element == typeof(object)))
            return SettingKind.Value;
        if (typeof(ComponentOptions).IsAssignableFrom(type))
            return SettingKind.Component;
        if (IsSupportedDictionary(type))
            return SettingKind.Dictionary;
        if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null)
            return SettingKind.Section;

        throw new InvalidOperationException(
            $"{owner.Name}.{property.Name} has type {type.Name}, which experiment files cannot set. Use string, "
            + "bool, int, long, double, float, an enum, a list of those, Dictionary<string, T> of those, "
            + "or a class with a public parameterless constructor.");
    }

    private static bool IsSupportedDictionary(Type type)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Dictionary<,>))
            return false;

        var arguments = type.GetGenericArguments();
        if (arguments[0] != typeof(string))
            return false;
        var value = arguments[1];
        var element = ElementType(value);
        return IsScalar(value) || value == typeof(object)
            || element is not null && (IsScalar(element) || element == typeof(object));
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            depth++;
        return depth;
    }
}
