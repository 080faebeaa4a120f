namespace FashionMnist.Hosting;

/// <summary>The settings type of a component that takes no keys besides its name.</summary>
public sealed class NoSettings
{
}
