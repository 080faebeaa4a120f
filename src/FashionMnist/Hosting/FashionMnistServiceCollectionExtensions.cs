using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Schedules;
using FashionMnist.Tracking;
using FashionMnist.Tracking.Mlflow;
using FashionMnist.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FashionMnist.Hosting;

/// <summary>Registers the framework's services and built-in components in dependency injection.</summary>
public static class FashionMnistServiceCollectionExtensions
{
    /// <summary>
    /// Adds the experiment loader, the runner and every built-in data reader, architecture, optimizer and
    /// schedule. Register more components with <see cref="AddModelArchitecture{T}"/> and its siblings.
    /// </summary>
    public static IServiceCollection AddFashionMnist(this IServiceCollection services)
    {
        services.AddFashionMnistData();

        services.AddModelArchitecture<BlogCnn>();
        services.AddModelArchitecture<Mlp>();
        services.AddModelArchitecture<BatchNormCnn>();
        services.AddModelArchitecture<ResNet>();

        services.AddOptimizer<AdamOptimizer>();
        services.AddOptimizer<AdamWOptimizer>();
        services.AddOptimizer<SgdOptimizer>();
        services.AddOptimizer<RmsPropOptimizer>();

        services.AddSchedule<ConstantSchedule>();
        services.AddSchedule<BlogDecaySchedule>();
        services.AddSchedule<ReduceOnPlateauSchedule>();
        services.AddSchedule<StepSchedule>();
        services.AddSchedule<MultiStepSchedule>();
        services.AddSchedule<ExponentialSchedule>();
        services.AddSchedule<CosineSchedule>();
        services.AddSchedule<OneCycleSchedule>();

        services.TryAddSingleton(sp => new ComponentCatalog<IDatasetReader>(sp.GetServices<IDatasetReader>(), "data format"));
        services.TryAddSingleton(sp => new ComponentCatalog<IModelArchitecture>(sp.GetServices<IModelArchitecture>(), "model"));
        services.TryAddSingleton(sp => new ComponentCatalog<IOptimizerFactory>(sp.GetServices<IOptimizerFactory>(), "optimizer"));
        services.TryAddSingleton(sp => new ComponentCatalog<IScheduleFactory>(sp.GetServices<IScheduleFactory>(), "schedule"));

        services.AddMlflowTracking();
        services.AddSingleton<IMetricSinkFactory, MlflowMetricSinkFactory>();

        services.TryAddSingleton<ExperimentLoader>();
        services.TryAddSingleton<RunInfoFactory>();
        services.TryAddSingleton<Trainer>();
        services.TryAddSingleton<RunReports>();
        services.TryAddSingleton<ExperimentRunner>();
        services.TryAddSingleton<SweepRunner>();
        return services;
    }

    /// <summary>Registers an architecture under its <see cref="IComponent.Name"/>.</summary>
    public static IServiceCollection AddModelArchitecture<T>(this IServiceCollection services)
        where T : class, IModelArchitecture =>
        services.AddSingleton<IModelArchitecture, T>();

    /// <summary>Registers an optimizer under its <see cref="IComponent.Name"/>.</summary>
    public static IServiceCollection AddOptimizer<T>(this IServiceCollection services)
        where T : class, IOptimizerFactory =>
        services.AddSingleton<IOptimizerFactory, T>();

    /// <summary>Registers a learning-rate schedule under its <see cref="IComponent.Name"/>.</summary>
    public static IServiceCollection AddSchedule<T>(this IServiceCollection services)
        where T : class, IScheduleFactory =>
        services.AddSingleton<IScheduleFactory, T>();
}
