namespace FashionMnist.Experiments.Internal;

/// <summary>A top-level section of an experiment that selects a component, such as <c>model</c>.</summary>
/// <param name="Key">The section's key.</param>
/// <param name="OwnKeys">Keys the section itself takes, such as <c>name</c> and <c>lr</c>; the rest are component
/// settings.</param>
/// <param name="DefaultName">The component used when the section does not name one.</param>
internal sealed record ComponentSection(string Key, IReadOnlyList<string> OwnKeys, string DefaultName)
{
    /// <summary>The component sections of <see cref="Experiment"/>, with defaults read from a new instance.</summary>
    public static IReadOnlyList<ComponentSection> All { get; } = Discover();

    public static ComponentSection? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    private static List<ComponentSection> Discover()
    {
        var defaults = new Experiment();
        return SettingSchema.PropertiesOf(typeof(Experiment))
            .Where(p => p.Kind == SettingKind.Component)
            .Select(p => new ComponentSection(
                p.Key,
                SettingSchema.PropertiesOf(p.Type).Select(own => own.Key).ToList(),
                ((ComponentOptions)p.GetValue(defaults)!).Name))
            .ToList();
    }
}
