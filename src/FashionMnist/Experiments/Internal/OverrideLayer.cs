using FashionMnist.Hosting;

namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Turns <c>key.path=value</c> overrides into one YAML layer to merge over the files. Each value is read
/// as a YAML scalar or flow node. Each key must be a dotted key of the experiment, and settings keys are
/// checked against the component each section names once the overrides apply.
/// </summary>
internal static class OverrideLayer
{
    /// <summary>
    /// Builds the layer; an override that cannot be read or names an unknown key is reported and skipped.
    /// </summary>
    public static ConfigMapping Build(
        IReadOnlyList<string> overrides, ConfigMapping files, ComponentRegistry components, ProblemList problems)
    {
        var parsed = overrides.Select(o => Parse(o, problems)).OfType<ParsedOverride>().ToList();
        var names = ComponentSection.All.ToDictionary(s => s.Key, s => EffectiveName(s, parsed, files));
        IReadOnlyList<Type>? SettingsTypes(string section) =>
            components.SettingsTypeOf(section, names[section]) is { } type ? [type] : null;

        var layer = Empty();
        foreach (var item in parsed)
        {
            var target = KeyPaths.Resolve(item.Key, SettingsTypes);
            if (target is null)
            {
                var suggestion = NameSuggestion.Closest(item.Key, KeyPaths.All(SettingsTypes));
                var message = suggestion is null
                    ? "unknown key; keys are dotted paths such as optimizer.lr or data.augment.crop_padding"
                    : "unknown key";
                problems.Add(ProblemList.OverrideSource, 0, 0, item.Key, item.ValueText, message, suggestion);
                continue;
            }

            layer = LayerMerger.Merge(layer, Nest(target.Segments, item.Value), switchComponents: false);
        }
        return layer;
    }

    private static ParsedOverride? Parse(string text, ProblemList problems)
    {
        var equals = text.IndexOf('=');
        var key = equals < 0 ? "" : text[..equals].Trim();
        if (key.Length == 0)
        {
            problems.Add(ProblemList.OverrideSource, 0, 0, "", text,
                $"'{text}' is not key=value; write it as, for example, --set optimizer.lr=0.01");
            return null;
        }
        if (key == "extends")
        {
            problems.Add(ProblemList.OverrideSource, 0, 0, key, text[(equals + 1)..].Trim(),
                "extends can only be set in a file, not with --set");
            return null;
        }

        var valueText = text[(equals + 1)..].Trim();
        var value = YamlTreeReader.Read(valueText, ProblemList.OverrideSource, key, withPositions: false, problems,
            out var failed);
        if (failed)
            return null;
        value ??= new ConfigScalar("", true, ProblemList.OverrideSource, 0, 0);
        return new ParsedOverride(key, valueText, value);
    }

    private static string EffectiveName(ComponentSection section, List<ParsedOverride> parsed, ConfigMapping files)
    {
        string? name = null;
        foreach (var item in parsed)
        {
            if (item.Key == $"{section.Key}.name" && item.Value is ConfigScalar { IsNull: false } scalar)
                name = scalar.Value;
            else if (item.Key == section.Key && item.Value is ConfigMapping mapping)
                name = LayerMerger.NameOf(mapping) ?? name;
        }

        if (name is not null)
            return name;
        if (files.Find(section.Key)?.Value is ConfigMapping fileSection)
            return LayerMerger.NameOf(fileSection) ?? section.DefaultName;
        return section.DefaultName;
    }

    private static ConfigMapping Nest(IReadOnlyList<string> segments, ConfigNode value)
    {
        var node = value;
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var key = new ConfigScalar(segments[i], true, ProblemList.OverrideSource, 0, 0);
            node = new ConfigMapping([new ConfigEntry(key, node)], ProblemList.OverrideSource, 0, 0);
        }
        return (ConfigMapping)node;
    }

    private static ConfigMapping Empty() => new([], ProblemList.OverrideSource, 0, 0);

    private sealed record ParsedOverride(string Key, string ValueText, ConfigNode Value);
}
