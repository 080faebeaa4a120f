using FashionMnist.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FashionMnist.Tests;

/// <summary>Builds the framework's real service provider for tests.</summary>
internal static class TestHost
{
    public static ServiceProvider Services(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFashionMnist();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static ComponentCatalog<T> Catalog<T>() where T : IComponent =>
        Services().GetRequiredService<ComponentCatalog<T>>();
}
