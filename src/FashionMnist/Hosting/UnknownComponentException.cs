namespace FashionMnist.Hosting;

/// <summary>Raised when an experiment names a component that is not registered.</summary>
public sealed class UnknownComponentException : Exception
{
    public UnknownComponentException(string kind, string name, IReadOnlyList<string> registered)
        : base(BuildMessage(kind, name, registered))
    {
        Kind = kind;
        RequestedName = name;
        Registered = registered;
    }

    public string Kind { get; }

    public string RequestedName { get; }

    public IReadOnlyList<string> Registered { get; }

    private static string BuildMessage(string kind, string name, IReadOnlyList<string> registered)
    {
        var closest = NameSuggestion.Closest(name, registered);
        var hint = closest is null ? "" : $" Did you mean '{closest}'?";
        return $"Unknown {kind} '{name}'.{hint} Registered {kind} names: {string.Join(", ", registered)}.";
    }
}
