namespace FashionMnist.Experiments;

/// <summary>
/// A pluggable part chosen by its registered name. The remaining keys of the YAML section are bound
/// to the settings type that the named component declares, so each component validates its own keys.
/// </summary>
public class ComponentOptions
{
    /// <summary>The registered name of the component, such as <c>blog_cnn</c> or <c>adam</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The component's own settings object, of the type its registration declares.</summary>
    public object? Settings { get; set; }

    /// <summary>Returns the settings as <typeparamref name="T"/>, or a new default instance when none were bound.</summary>
    public T SettingsAs<T>() where T : class, new() => Settings as T ?? new T();
}
