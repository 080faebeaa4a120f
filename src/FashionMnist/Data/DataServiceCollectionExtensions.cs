using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Data;

/// <summary>Registers the data layer in dependency injection.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DatasetLocator"/> (searching <c>$FASHION_MNIST_DIR</c>, then
    /// <see cref="DatasetLocator.DebianDirectory"/>) and the <c>idx</c> and <c>csv</c> readers as
    /// <see cref="IDatasetReader"/> singletons. Calling it twice registers each reader once.
    /// </summary>
    public static IServiceCollection AddFashionMnistData(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new DatasetLocator(provider.GetService<ILogger<DatasetLocator>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDatasetReader, IdxDatasetReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDatasetReader, CsvDatasetReader>());
        return services;
    }
}
