using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Infrastructure;

/// <summary>Resolves commands and their dependencies from the built host's services.</summary>
internal sealed class TypeResolver(IHost host) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : host.Services.GetService(type);

    public void Dispose() => host.Dispose();
}
