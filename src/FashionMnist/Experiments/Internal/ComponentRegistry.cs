namespace FashionMnist.Experiments.Internal;

/// <summary>The component kinds of an experiment, by the key of the section that selects them.</summary>
internal sealed class ComponentRegistry
{
    private readonly IReadOnlyDictionary<string, ComponentKind> _bySection;

    public ComponentRegistry(IReadOnlyDictionary<string, ComponentKind> bySection)
    {
        foreach (var section in ComponentSection.All)
        {
            if (!bySection.ContainsKey(section.Key))
                throw new ArgumentException($"No component catalog is given for the '{section.Key}' section.");
        }
        _bySection = bySection;
    }

    public ComponentKind For(string sectionKey) => _bySection[sectionKey];

    /// <summary>Returns the settings type of the named component, or null when the name is not registered.</summary>
    public Type? SettingsTypeOf(string sectionKey, string name) => For(sectionKey).Find(name)?.SettingsType;
}
