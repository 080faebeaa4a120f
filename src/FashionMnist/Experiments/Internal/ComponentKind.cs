using FashionMnist.Hosting;

namespace FashionMnist.Experiments.Internal;

/// <summary>The registered components of one kind, as seen by the loader.</summary>
/// <param name="Kind">What the components are, such as <c>model</c>, for messages.</param>
/// <param name="Names">Registered names in alphabetical order.</param>
/// <param name="Find">Returns the component registered under a name, or null.</param>
internal sealed record ComponentKind(string Kind, IReadOnlyList<string> Names, Func<string, IComponent?> Find)
{
    public static ComponentKind From<T>(ComponentCatalog<T> catalog) where T : IComponent =>
        new(catalog.Kind, catalog.Names, name => catalog.TryGet(name, out var component) ? component : null);
}
