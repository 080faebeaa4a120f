using FashionMnist.Hosting;

namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Binds a merged YAML tree onto a new <see cref="Experiment"/> by reflection, reporting every unknown key,
/// wrong type and invalid value instead of stopping at the first. Component sections bind their own keys
/// onto the options and the rest onto a new instance of the named component's settings type.
/// </summary>
internal sealed class ConfigBinder
{
    private readonly ComponentRegistry _components;
    private readonly ProblemList _problems;
    private readonly ValueConverter _converter;
    private readonly AttributeValidator _validator;

    public ConfigBinder(ComponentRegistry components, ProblemList problems)
    {
        _components = components;
        _problems = problems;
        _converter = new ValueConverter(problems);
        _validator = new AttributeValidator(problems);
    }

    /// <summary>The node each bound dotted key was read from, for checks that span several keys.</summary>
    public Dictionary<string, ConfigNode> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Binds <paramref name="root"/>; <paramref name="origin"/> locates problems with keys the tree lacks.
    /// </summary>
    public Experiment Bind(ConfigMapping root, ConfigNode origin)
    {
        var experiment = new Experiment();
        BindObject(experiment, root.Entries, "", origin, null);
        return experiment;
    }

    private void BindObject(
        object target, IReadOnlyList<ConfigEntry> entries, string path, ConfigNode origin, ComponentScope? scope)
    {
        var properties = SettingSchema.PropertiesOf(target.GetType());
        foreach (var entry in entries)
        {
            var property = properties.FirstOrDefault(p => p.Key == entry.Key.Value);
            if (property is null)
                ReportUnknownKey(entry.Key, path, properties.Select(p => p.Key).ToList(), scope);
            else
                BindProperty(target, property, entry.Value, Join(path, property.Key));
        }

        // A component that no key mentions still needs its default settings.
        foreach (var property in properties.Where(p => p.Kind == SettingKind.Component))
        {
            if (entries.All(e => e.Key.Value != property.Key))
                BindComponent((ComponentOptions)property.GetValue(target)!, null, Join(path, property.Key), origin);
        }
    }

    private bool BindProperty(object target, SettingProperty property, ConfigNode node, string key)
    {
        Locations[key] = node;
        switch (property.Kind)
        {
            case SettingKind.Section:
                return BindSection(target, property, node, key);
            case SettingKind.Component:
                var options = (ComponentOptions?)property.GetValue(target) ?? NewComponent(property);
                property.SetValue(target, options);
                BindComponent(options, node, key, node);
                return true;
            default:
                var converted = _converter.TryConvert(
                    node, property.Type, property.AllowsNull, key, property.Attributes, out var value);
                if (!converted)
                    return false;
                if (!_validator.Validate(value, property.Attributes, node, key))
                    return false;
                property.SetValue(target, value);
                return true;
        }
    }

    private bool BindSection(object target, SettingProperty property, ConfigNode node, string key)
    {
        if (node is ConfigScalar { IsNull: true })
        {
            // An empty section keeps its defaults; only a nullable section such as sweep becomes null.
            if (property.AllowsNull)
                property.SetValue(target, null);
            return true;
        }

        if (node is not ConfigMapping mapping)
        {
            _problems.Add(node, key, ScalarValue(node),
                $"expected a mapping of keys under '{property.Key}:', got {node.Describe()}");
            return false;
        }

        var section = property.GetValue(target) ?? Activator.CreateInstance(property.Type)!;
        BindObject(section, mapping.Entries, key, mapping, null);
        property.SetValue(target, section);
        return true;
    }

    private void BindComponent(ComponentOptions options, ConfigNode? node, string key, ConfigNode origin)
    {
        var ownProperties = SettingSchema.PropertiesOf(options.GetType());
        var settingsEntries = new List<ConfigEntry>();
        ConfigNode? nameNode = null;
        var nameBound = true;

        if (node is ConfigMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                var property = ownProperties.FirstOrDefault(p => p.Key == entry.Key.Value);
                if (property is null)
                {
                    settingsEntries.Add(entry);
                    continue;
                }

                var bound = BindProperty(options, property, entry.Value, Join(key, property.Key));
                if (property.Property.Name == nameof(ComponentOptions.Name))
                    (nameNode, nameBound) = (entry.Value, bound);
            }
        }
        else if (node is not null and not ConfigScalar { IsNull: true })
        {
            _problems.Add(node, key, ScalarValue(node),
                $"expected a mapping with a name and settings, such as '{key}: {{name: {options.Name}}}', "
                + $"got {node.Describe()}");
            return;
        }

        // Settings cannot be checked against a component that is not known.
        if (nameBound && ResolveComponent(options, key, nameNode, node ?? origin) is { } component)
            BindSettings(options, component, settingsEntries, key, ownProperties, node ?? origin);
    }

    private IComponent? ResolveComponent(ComponentOptions options, string key, ConfigNode? nameNode, ConfigNode origin)
    {
        var kind = _components.For(key);
        if (kind.Find(options.Name) is { } component)
            return component;

        var registered = $"registered names: {string.Join(", ", kind.Names)}";
        var message = nameNode is null
            ? $"the default {kind.Kind} '{options.Name}' is not registered; set {key}.name; {registered}"
            : $"unknown {kind.Kind} '{options.Name}'; {registered}";
        _problems.Add(nameNode ?? origin, Join(key, "name"), options.Name, message,
            NameSuggestion.Closest(options.Name, kind.Names));
        return null;
    }

    private void BindSettings(
        ComponentOptions options,
        IComponent component,
        List<ConfigEntry> entries,
        string key,
        IReadOnlyList<SettingProperty> ownProperties,
        ConfigNode origin)
    {
        var settings = Activator.CreateInstance(component.SettingsType)
            ?? throw new InvalidOperationException($"Cannot create settings of type {component.SettingsType}.");
        var validKeys = ownProperties.Concat(SettingSchema.PropertiesOf(component.SettingsType))
            .Select(p => p.Key)
            .ToList();
        var scope = new ComponentScope($"{_components.For(key).Kind} '{component.Name}'", validKeys);
        BindObject(settings, entries, key, origin, scope);
        options.Settings = settings;
    }

    private void ReportUnknownKey(
        ConfigScalar keyNode, string path, IReadOnlyList<string> validKeys, ComponentScope? scope)
    {
        var keys = scope?.ValidKeys ?? validKeys;
        var suggestion = NameSuggestion.Closest(keyNode.Value, keys);
        var listing = scope is not null ? $"{scope.Description} accepts: {string.Join(", ", keys)}"
            : path.Length == 0 ? $"valid sections: {string.Join(", ", keys)}"
            : $"valid keys in {path}: {string.Join(", ", keys)}";
        var message = suggestion is null ? $"unknown key; {listing}" : "unknown key";
        _problems.Add(keyNode, Join(path, keyNode.Value), keyNode.Value, message, suggestion);
    }

    private static ComponentOptions NewComponent(SettingProperty property) =>
        (ComponentOptions)Activator.CreateInstance(property.Type)!;

    private static string? ScalarValue(ConfigNode node) => node is ConfigScalar scalar ? scalar.Value : null;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private sealed record ComponentScope(string Description, IReadOnlyList<string> ValidKeys);
}
