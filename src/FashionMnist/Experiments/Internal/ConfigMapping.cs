namespace FashionMnist.Experiments.Internal;

/// <summary>A YAML mapping whose keys are unique scalars, in the order they were written.</summary>
internal sealed class ConfigMapping : ConfigNode
{
    public ConfigMapping(IReadOnlyList<ConfigEntry> entries, string source, int line, int column)
        : base(source, line, column)
    {
        Entries = entries;
    }

    public IReadOnlyList<ConfigEntry> Entries { get; }

    /// <summary>Returns the entry whose key text is <paramref name="key"/>, or null.</summary>
    public ConfigEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    /// <summary>Returns a copy without the entry called <paramref name="key"/>.</summary>
    public ConfigMapping Without(string key) =>
        new(Entries.Where(e => e.Key.Value != key).ToList(), Source, Line, Column);

    public override string Describe() => "a mapping";
}
