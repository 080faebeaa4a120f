using FashionMnist.Hosting;

namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Checks the sweep section after binding: every key is a dotted key of the experiment, and every value
/// fits that key's type and validation attributes, so no child run fails on a bad value later.
/// </summary>
internal sealed class SweepValidator
{
    private const string ParametersKey = "sweep.parameters";

    private readonly ComponentRegistry _components;
    private readonly ProblemList _problems;
    private readonly ValueConverter _converter;
    private readonly AttributeValidator _validator;

    public SweepValidator(ComponentRegistry components, ProblemList problems)
    {
        _components = components;
        _problems = problems;
        _converter = new ValueConverter(problems);
        _validator = new AttributeValidator(problems);
    }

    public void Validate(Experiment experiment, IReadOnlyDictionary<string, ConfigNode> locations)
    {
        if (experiment.Sweep is null)
            return;

        var parameters = locations.GetValueOrDefault(ParametersKey);
        if (parameters is ConfigMapping { Entries.Count: > 0 } mapping)
        {
            IReadOnlyList<Type>? SettingsTypes(string section) => SweptSettingsTypes(experiment, mapping, section);
            foreach (var entry in mapping.Entries)
                ValidateEntry(entry, SettingsTypes);
        }
        else if (parameters is null or ConfigMapping or ConfigScalar { IsNull: true })
        {
            // Anything else under parameters was already reported as the wrong type.
            _problems.Add(parameters ?? locations["sweep"], ParametersKey, null,
                "the sweep lists no keys; add a key with its values, such as 'optimizer.lr: [0.001, 0.01]', "
                + "or remove the sweep section");
        }
    }

    private void ValidateEntry(ConfigEntry entry, Func<string, IReadOnlyList<Type>?> settingsTypes)
    {
        var key = entry.Key.Value;
        var path = $"{ParametersKey}.{key}";
        if (key == "sweep" || key.StartsWith("sweep.", StringComparison.Ordinal))
        {
            _problems.Add(entry.Key, path, key, "a sweep cannot change the sweep section itself");
            return;
        }

        var target = KeyPaths.Resolve(key, settingsTypes);
        if (target is null)
        {
            _problems.Add(entry.Key, path, key, $"unknown key '{key}'; sweep keys are dotted keys of the experiment",
                NameSuggestion.Closest(key, KeyPaths.All(settingsTypes)));
            return;
        }
        if (target.Kind != SettingKind.Value)
        {
            _problems.Add(entry.Key, path, key,
                $"'{key}' is a section, not a single setting; sweep a key inside it, such as {key}.<key>");
            return;
        }

        if (entry.Value is not ConfigSequence values)
            return;
        if (values.Items.Count == 0)
        {
            _problems.Add(values, path, null, "the list of values is empty; give at least one value");
            return;
        }
        if (target.IsUnchecked)
            return;

        for (var i = 0; i < values.Items.Count; i++)
        {
            // A nested list or mapping was already reported while binding the parameters.
            if (values.Items[i] is ConfigScalar item)
                ValidateValue(item, target, $"{path}[{i}]");
        }
    }

    private void ValidateValue(ConfigScalar item, KeyTarget target, string path)
    {
        if (!_converter.TryConvert(item, target.ValueType, target.AllowsNull, path, target.Attributes, out var value)
            || !_validator.Validate(value, target.Attributes, item, path))
            return;

        if (ComponentNameSection(target) is { } section && value is string name)
        {
            var kind = _components.For(section);
            if (kind.Find(name) is null)
            {
                _problems.Add(item, path, name,
                    $"unknown {kind.Kind} '{name}'; registered names: {string.Join(", ", kind.Names)}",
                    NameSuggestion.Closest(name, kind.Names));
            }
        }
    }

    /// <summary>
    /// Returns the settings types a swept key of the section may belong to: the component the experiment
    /// names, and every registered component the sweep itself puts in <c>section.name</c>.
    /// </summary>
    private IReadOnlyList<Type>? SweptSettingsTypes(Experiment experiment, ConfigMapping parameters, string section)
    {
        var names = new List<string> { SectionOptions(experiment, section).Name };
        if (parameters.Find($"{section}.name")?.Value is ConfigSequence swept)
            names.AddRange(swept.Items.OfType<ConfigScalar>().Select(s => s.Value));

        var types = names.Select(n => _components.SettingsTypeOf(section, n)).OfType<Type>().Distinct().ToList();
        return types.Count == 0 ? null : types;
    }

    private static ComponentOptions SectionOptions(Experiment experiment, string section)
    {
        var property = SettingSchema.PropertiesOf(typeof(Experiment)).First(p => p.Key == section);
        return (ComponentOptions)property.GetValue(experiment)!;
    }

    private static string? ComponentNameSection(KeyTarget target) =>
        target.Segments is [var section, "name"] && ComponentSection.Find(section) is not null ? section : null;
}
