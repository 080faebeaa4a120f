namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Resolves and lists the dotted keys of an experiment. Component settings keys depend on the chosen
/// component, so callers pass the candidate settings types of each component section. Null means the
/// component is unknown, and then any key below it is accepted unchecked.
/// </summary>
internal static class KeyPaths
{
    private const string ExtendsKey = "extends";

    /// <summary>Returns what <paramref name="dotted"/> refers to, or null when no such key exists.</summary>
    public static KeyTarget? Resolve(string dotted, Func<string, IReadOnlyList<Type>?> settingsTypes)
    {
        var segments = dotted.Split('.');
        if (segments.Any(s => s.Length == 0))
            return null;

        IReadOnlyList<Type> candidates = [typeof(Experiment)];
        var tree = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            var property = Find(candidates, segments[i]);
            if (property is null)
                return null;

            tree.Add(segments[i]);
            var isLast = i == segments.Length - 1;
            switch (property.Kind)
            {
                case SettingKind.Value:
                    return isLast ? Target(tree, property) : null;

                case SettingKind.Dictionary:
                    if (isLast)
                        return Target(tree, property);
                    tree.Add(string.Join('.', segments[(i + 1)..]));
                    return new KeyTarget(tree, SettingKind.Value, SettingSchema.DictionaryValueType(property.Type),
                        false, []);

                case SettingKind.Section:
                    candidates = [property.Type];
                    break;

                case SettingKind.Component:
                    var settings = settingsTypes(property.Key);
                    if (!isLast && settings is null && Find([property.Type], segments[i + 1]) is null)
                    {
                        tree.AddRange(segments[(i + 1)..]);
                        return new KeyTarget(tree, SettingKind.Value, typeof(object), true, [], IsUnchecked: true);
                    }
                    candidates = [property.Type, .. settings ?? []];
                    break;
            }

            if (isLast)
                return Target(tree, property);
        }
        return null;
    }

    /// <summary>
    /// Returns every dotted key, sections included, in declaration order; <c>extends</c> is left out.
    /// </summary>
    public static IReadOnlyList<string> All(Func<string, IReadOnlyList<Type>?> settingsTypes)
    {
        var keys = new List<string>();
        Collect([typeof(Experiment)], "", settingsTypes, keys);
        return keys.Distinct().ToList();
    }

    private static void Collect(
        IReadOnlyList<Type> types, string prefix, Func<string, IReadOnlyList<Type>?> settingsTypes, List<string> keys)
    {
        foreach (var property in types.SelectMany(Properties))
        {
            var key = prefix + property.Key;
            keys.Add(key);
            if (property.Kind == SettingKind.Section)
                Collect([property.Type], key + ".", settingsTypes, keys);
            else if (property.Kind == SettingKind.Component)
                Collect([property.Type, .. settingsTypes(property.Key) ?? []], key + ".", settingsTypes, keys);
        }
    }

    private static SettingProperty? Find(IReadOnlyList<Type> types, string key) =>
        types.SelectMany(Properties).FirstOrDefault(p => p.Key == key);

    private static IEnumerable<SettingProperty> Properties(Type type) =>
        SettingSchema.PropertiesOf(type).Where(p => type != typeof(Experiment) || p.Key != ExtendsKey);

    private static KeyTarget Target(List<string> tree, SettingProperty property) =>
        new(tree, property.Kind, property.Type, property.AllowsNull, property.Attributes);
}
