using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace FashionMnist.Experiments.Internal;

/// <summary>A property that an experiment file can set, with its snake_case key and validation attributes.</summary>
internal sealed record SettingProperty(
    string Key,
    PropertyInfo Property,
    SettingKind Kind,
    bool AllowsNull,
    IReadOnlyList<ValidationAttribute> Attributes)
{
    public Type Type => Property.PropertyType;

    public object? GetValue(object target) => Property.GetValue(target);

    public void SetValue(object target, object? value) => Property.SetValue(target, value);
}
