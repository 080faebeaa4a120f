namespace FashionMnist.Experiments.Internal;

/// <summary>A YAML scalar: its text and whether it was written plain (unquoted), which decides its type.</summary>
internal sealed class ConfigScalar : ConfigNode
{
    public ConfigScalar(string value, bool isPlain, string source, int line, int column)
        : base(source, line, column)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>
    /// True for an unquoted scalar, which may be a null, a bool or a number; quoted scalars are always text.
    /// </summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && ScalarResolver.IsNull(Value);

    public override string Describe()
    {
        if (IsNull)
            return "nothing (null)";
        return IsPlain ? $"'{Value}'" : $"the quoted text \"{Value}\"";
    }
}
