using FashionMnist.Hosting;
using FashionMnist.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Tests.Models;

public class ModelTests
{
    [Theory]
    [InlineData("blog_cnn")]
    [InlineData("mlp")]
    [InlineData("bn_cnn")]
    [InlineData("resnet")]
    public void Forward_ReturnsLogProbabilitiesPerClass(string name)
    {
        var architecture = TestHost.Catalog<IModelArchitecture>().Get(name);
        random.manual_seed(0);
        using var model = architecture.Create(Activator.CreateInstance(architecture.SettingsType)!);
        model.eval();
        using var input = rand(3, 1, 28, 28);

        using var output = model.forward(input);
        using var sums = output.exp().sum(1);

        Assert.Equal(new long[] { 3, 10 }, output.shape);
        foreach (var sum in sums.data<float>().ToArray())
            Assert.Equal(1.0, sum, 4);
    }

    [Fact]
    public void BlogCnn_StateDictKeys()
    {
        using var model = new BlogCnn().Create(new BlogCnn.Settings());

        var shapes = model.state_dict().ToDictionary(p => p.Key, p => p.Value.shape);

        Assert.Equal(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"],
            shapes.Keys.ToArray());
        Assert.Equal(new long[] { 10, 1, 5, 5 }, shapes["conv1.weight"]);
        Assert.Equal(new long[] { 20, 10, 5, 5 }, shapes["conv2.weight"]);
        Assert.Equal(new long[] { 50, 320 }, shapes["fc1.weight"]);
        Assert.Equal(new long[] { 10, 50 }, shapes["fc2.weight"]);
        Assert.Equal(21_840, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void BlogCnn_EvalModeDeterministic()
    {
        random.manual_seed(1);
        using var model = new BlogCnn().Create(new BlogCnn.Settings());
        using var input = rand(4, 1, 28, 28) * 255;

        model.train();
        using var trainA = model.forward(input);
        using var trainB = model.forward(input);
        model.eval();
        using var evalA = model.forward(input);
        using var evalB = model.forward(input);

        Assert.False(trainA.allclose(trainB));
        Assert.True(evalA.allclose(evalB, 0, 0));
    }

    [Fact]
    public void ResNet_DepthSetting_ChangesBlockCount()
    {
        using var shallow = new ResNet().Create(new ResNet.Settings { Width = 8, BlocksPerStage = 1 });
        using var deep = new ResNet().Create(new ResNet.Settings { Width = 8, BlocksPerStage = 3 });

        var shallowConvs = shallow.named_modules().Count(m => m.name.EndsWith("conv2", StringComparison.Ordinal));
        var deepConvs = deep.named_modules().Count(m => m.name.EndsWith("conv2", StringComparison.Ordinal));

        Assert.Equal(3, shallowConvs);
        Assert.Equal(9, deepConvs);
    }

    [Fact]
    public void SameSeed_SameInitialWeights()
    {
        random.manual_seed(42);
        using var first = new BatchNormCnn().Create(new BatchNormCnn.Settings { Channels = 4, Hidden = 8 });
        random.manual_seed(42);
        using var second = new BatchNormCnn().Create(new BatchNormCnn.Settings { Channels = 4, Hidden = 8 });

        foreach (var (a, b) in first.parameters().Zip(second.parameters()))
            Assert.True(a.allclose(b, 0, 0));
    }
}
