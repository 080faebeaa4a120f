namespace FashionMnist.Hosting;

/// <summary>
/// The components of one kind registered in dependency injection, looked up by the name an experiment uses.
/// </summary>
public sealed class ComponentCatalog<T> where T : IComponent
{
    private readonly Dictionary<string, T> _byName;

    public ComponentCatalog(IEnumerable<T> components, string kind)
    {
        Kind = kind;
        _byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            if (!_byName.TryAdd(component.Name, component))
                throw new InvalidOperationException($"Two {kind} components are registered as '{component.Name}'.");
        }
    }

    /// <summary>What this catalog contains, such as <c>model</c> or <c>optimizer</c>, for messages.</summary>
    public string Kind { get; }

    /// <summary>Registered names in alphabetical order.</summary>
    public IReadOnlyList<string> Names => _byName.Keys.Order(StringComparer.Ordinal).ToList();

    public bool TryGet(string name, out T component) => _byName.TryGetValue(name, out component!);

    /// <summary>Returns the component called <paramref name="name"/>, or throws with the registered names and the closest one.</summary>
    public T Get(string name)
    {
        if (_byName.TryGetValue(name, out var component))
            return component;
        throw new UnknownComponentException(Kind, name, Names);
    }
}
