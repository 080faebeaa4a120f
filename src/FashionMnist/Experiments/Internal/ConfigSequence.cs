namespace FashionMnist.Experiments.Internal;

/// <summary>A YAML sequence (list).</summary>
internal sealed class ConfigSequence : ConfigNode
{
    public ConfigSequence(IReadOnlyList<ConfigNode> items, string source, int line, int column)
        : base(source, line, column)
    {
        Items = items;
    }

    public IReadOnlyList<ConfigNode> Items { get; }

    public override string Describe() => "a list";
}
