namespace FashionMnist.Experiments.Internal;

/// <summary>One key and its value in a YAML mapping.</summary>
internal sealed record ConfigEntry(ConfigScalar Key, ConfigNode Value);
