namespace FashionMnist.Hosting;

/// <summary>
/// A pluggable part that an experiment file selects by name. Its settings type lists the keys the
/// component accepts in its YAML section, with defaults and validation attributes.
/// </summary>
public interface IComponent
{
    /// <summary>The name an experiment file uses, in snake_case, such as <c>blog_cnn</c>.</summary>
    string Name { get; }

    /// <summary>One line describing the component, shown by <c>fmnist validate</c> and in errors.</summary>
    string Description { get; }

    /// <summary>The type the component's YAML keys are bound to; it must have a public parameterless constructor.</summary>
    Type SettingsType { get; }
}
