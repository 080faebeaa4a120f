using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Infrastructure;

/// <summary>
/// Lets Spectre.Console.Cli register and create commands through the generic host: commands are added to the
/// host builder's services, and the host is built when the command line has been parsed.
/// </summary>
internal sealed class TypeRegistrar(HostApplicationBuilder builder) : ITypeRegistrar
{
    public ITypeResolver Build() => new TypeResolver(builder.Build());

    public void Register(Type service, Type implementation) => builder.Services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => builder.Services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => builder.Services.AddSingleton(service, _ => factory());
}
