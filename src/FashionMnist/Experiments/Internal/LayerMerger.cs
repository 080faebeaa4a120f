namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Deep-merges YAML trees: an upper layer (a child file or the overrides) wins over a lower one, two
/// mappings merge key by key, and anything else, lists included, replaces the lower value. A null over a
/// section that cannot be null (<c>data:</c> left empty) changes nothing, because an empty section
/// means "no changes" far more often than "reset to defaults"; a null <c>sweep</c> removes the sweep.
/// </summary>
internal static class LayerMerger
{
    /// <summary>
    /// Returns <paramref name="upper"/> merged onto <paramref name="lower"/>; neither input is changed.
    /// </summary>
    /// <param name="switchComponents">
    /// When true, an upper component section that names a different component than the lower one drops the
    /// lower section's settings keys, because they belong to the other component's settings type.
    /// </param>
    public static ConfigMapping Merge(ConfigMapping lower, ConfigMapping upper, bool switchComponents) =>
        Merge(lower, upper, switchComponents, "");

    private static ConfigMapping Merge(ConfigMapping lower, ConfigMapping upper, bool switchComponents, string path)
    {
        var entries = new List<ConfigEntry>();
        foreach (var entry in lower.Entries)
        {
            var replacement = upper.Find(entry.Key.Value);
            var key = path.Length == 0 ? entry.Key.Value : $"{path}.{entry.Key.Value}";
            if (replacement is null || IsEmptySectionOver(entry.Value, replacement.Value, key))
            {
                entries.Add(entry);
                continue;
            }

            var lowerValue = switchComponents ? DropSwitchedSettings(entry, replacement.Value) : entry.Value;
            entries.Add(replacement with { Value = MergeValues(lowerValue, replacement.Value, key) });
        }

        entries.AddRange(upper.Entries.Where(e => lower.Find(e.Key.Value) is null));
        return new ConfigMapping(entries, upper.Source, upper.Line, upper.Column);
    }

    private static ConfigNode MergeValues(ConfigNode lower, ConfigNode upper, string path) =>
        lower is ConfigMapping lowerMapping && upper is ConfigMapping upperMapping
            ? Merge(lowerMapping, upperMapping, switchComponents: false, path)
            : upper;

    private static bool IsEmptySectionOver(ConfigNode lower, ConfigNode upper, string path) =>
        upper is ConfigScalar { IsNull: true }
        && lower is ConfigMapping
        && KeyPaths.Resolve(path, _ => null) is { Kind: not SettingKind.Value, AllowsNull: false };

    private static ConfigNode DropSwitchedSettings(ConfigEntry lower, ConfigNode upper)
    {
        var section = ComponentSection.Find(lower.Key.Value);
        if (section is null || lower.Value is not ConfigMapping lowerMapping || upper is not ConfigMapping upperMapping)
            return lower.Value;

        var upperName = NameOf(upperMapping);
        var lowerName = NameOf(lowerMapping) ?? section.DefaultName;
        if (upperName is null || upperName == lowerName)
            return lower.Value;

        var ownEntries = lowerMapping.Entries.Where(e => section.OwnKeys.Contains(e.Key.Value)).ToList();
        return new ConfigMapping(ownEntries, lowerMapping.Source, lowerMapping.Line, lowerMapping.Column);
    }

    /// <summary>Returns the text of a section's <c>name</c> key, or null when it has none.</summary>
    public static string? NameOf(ConfigMapping section) =>
        section.Find("name")?.Value is ConfigScalar { IsNull: false } name ? name.Value : null;
}
