using FashionMnist.Data;
using FashionMnist.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FashionMnist.Tests.Data;

public sealed class DataServiceCollectionExtensionsTests
{
    [Fact]
    public void RegistersBothReadersOnce()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFashionMnistData().AddFashionMnistData();
        using var provider = services.BuildServiceProvider(validateScopes: true);

        var readers = provider.GetServices<IDatasetReader>().ToList();
        var catalog = new ComponentCatalog<IDatasetReader>(readers, "data format");

        Assert.Equal(["csv", "idx"], catalog.Names);
        Assert.IsType<IdxDatasetReader>(catalog.Get("idx"));
        Assert.Same(readers[0], provider.GetServices<IDatasetReader>().First());
        Assert.NotNull(provider.GetService<DatasetLocator>());
    }
}
