using FashionMnist.Hosting;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Schedules;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Tests.Hosting;

public class ComponentResolutionTests
{
    [Fact]
    public void Catalogs_ListBuiltInComponents()
    {
        using var services = TestHost.Services();

        Assert.Equal(["blog_cnn", "bn_cnn", "mlp", "resnet"], services.GetRequiredService<ComponentCatalog<IModelArchitecture>>().Names);
        Assert.Equal(["adam", "adamw", "rmsprop", "sgd"], services.GetRequiredService<ComponentCatalog<IOptimizerFactory>>().Names);
        Assert.Equal(
            ["blog_decay", "constant", "cosine", "exponential", "multi_step", "one_cycle", "reduce_on_plateau", "step"],
            services.GetRequiredService<ComponentCatalog<IScheduleFactory>>().Names);
    }

    [Fact]
    public void UnknownName_ListsRegisteredAndClosest()
    {
        var catalog = TestHost.Catalog<IOptimizerFactory>();

        var error = Assert.Throws<UnknownComponentException>(() => catalog.Get("adamm"));

        Assert.Contains("Unknown optimizer 'adamm'", error.Message);
        Assert.Contains("Did you mean 'adam'?", error.Message);
        Assert.Contains("adam, adamw, rmsprop, sgd", error.Message);
    }

    [Fact]
    public void AddedArchitecture_ResolvesByName()
    {
        using var services = TestHost.Services(s => s.AddModelArchitecture<TinyLinear>());

        var catalog = services.GetRequiredService<ComponentCatalog<IModelArchitecture>>();
        using var model = catalog.Get("tiny_linear").Create(new NoSettings());

        Assert.Contains("tiny_linear", catalog.Names);
        Assert.Equal(7850, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void DuplicateName_IsRejected()
    {
        using var services = TestHost.Services(s => s.AddModelArchitecture<BlogCnn>());

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ComponentCatalog<IModelArchitecture>>());

        Assert.Contains("'blog_cnn'", error.Message);
    }

    [Fact]
    public void Optimizers_CreateWithDefaultSettings()
    {
        var catalog = TestHost.Catalog<IOptimizerFactory>();
        using var model = nn.Linear(4, 2);

        foreach (var name in catalog.Names)
        {
            var factory = catalog.Get(name);
            using var optimizer = factory.Create(model.parameters(), 0.01, Activator.CreateInstance(factory.SettingsType)!);
            Assert.Equal(0.01, optimizer.ParamGroups.Single().LearningRate, 12);
        }
    }

    private sealed class TinyLinear : ModelArchitecture<NoSettings>
    {
        public override string Name => "tiny_linear";

        public override string Description => "One linear layer, for tests";

        protected override nn.Module<Tensor, Tensor> Create(NoSettings settings) =>
            nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(784, 10)), ("log_softmax", nn.LogSoftmax(1)));
    }
}
