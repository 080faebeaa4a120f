namespace FashionMnist.Experiments.Internal;

/// <summary>How a property of an options class appears in an experiment file.</summary>
internal enum SettingKind
{
    /// <summary>A single value or a list of values, such as <c>epochs: 20</c> or <c>channels: [32, 64]</c>.</summary>
    Value,

    /// <summary>A nested options class written as a mapping, such as <c>data:</c>.</summary>
    Section,

    /// <summary>
    /// A <see cref="ComponentOptions"/> section whose keys besides its own go to the component's settings.
    /// </summary>
    Component,

    /// <summary>A dictionary with free-form keys, such as <c>tracking.tags</c>.</summary>
    Dictionary,
}
