using System.ComponentModel.DataAnnotations;
using FashionMnist.Experiments;
using FashionMnist.Hosting;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Tests.Experiments;

/// <summary>
/// Small components registered under the default names, so the loader can be tested without real models.
/// </summary>
internal static class TestComponents
{
    public static ExperimentLoader Loader() => new(
        new ComponentCatalog<IModelArchitecture>([new FakeCnn(), new FakeMlp()], "model"),
        new ComponentCatalog<IOptimizerFactory>([new FakeAdam(), new FakeSgd()], "optimizer"),
        new ComponentCatalog<IScheduleFactory>([new FakeConstant(), new FakeStep()], "schedule"));
}

internal sealed class CnnSettings
{
    [Range(0.0, 0.9)]
    public double Dropout { get; set; } = 0.25;

    [Range(1, 512)]
    public int Channels { get; set; } = 32;

    [AllowedValues("relu", "gelu")]
    public string Activation { get; set; } = "relu";

    [Range(1, 1024)]
    public List<int> Hidden { get; set; } = [128];
}

internal sealed class MlpSettings
{
    [Range(1, 4096)]
    public int Width { get; set; } = 256;

    [Range(0.0, 0.9)]
    public double Dropout { get; set; }
}

internal sealed class AdamSettings
{
    [Range(0.0, 0.999999)]
    public double Beta1 { get; set; } = 0.9;

    [Range(0.0, 0.999999)]
    public double Beta2 { get; set; } = 0.999;
}

internal sealed class SgdSettings
{
    [Range(0.0, 1.0)]
    public double Momentum { get; set; }

    public bool Nesterov { get; set; }
}

internal enum StepMode
{
    Fixed,
    OnPlateau,
}

internal sealed class StepSettings
{
    [Range(1, 10_000)]
    public int StepSize { get; set; } = 10;

    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double Gamma { get; set; } = 0.1;

    public StepMode Mode { get; set; } = StepMode.Fixed;
}

internal sealed class FakeCnn : ModelArchitecture<CnnSettings>
{
    public override string Name => "blog_cnn";

    public override string Description => "test model";

    protected override nn.Module<Tensor, Tensor> Create(CnnSettings settings) => throw new NotSupportedException();
}

internal sealed class FakeMlp : ModelArchitecture<MlpSettings>
{
    public override string Name => "mlp";

    public override string Description => "test model";

    protected override nn.Module<Tensor, Tensor> Create(MlpSettings settings) => throw new NotSupportedException();
}

internal sealed class FakeAdam : OptimizerFactory<AdamSettings>
{
    public override string Name => "adam";

    public override string Description => "test optimizer";

    protected override optim.Optimizer Create(
        IEnumerable<Parameter> parameters, double learningRate, AdamSettings settings) =>
        throw new NotSupportedException();
}

internal sealed class FakeSgd : OptimizerFactory<SgdSettings>
{
    public override string Name => "sgd";

    public override string Description => "test optimizer";

    protected override optim.Optimizer Create(
        IEnumerable<Parameter> parameters, double learningRate, SgdSettings settings) =>
        throw new NotSupportedException();
}

internal sealed class FakeConstant : ScheduleFactory<NoSettings>
{
    public override string Name => "constant";

    public override string Description => "test schedule";

    public override ScheduleUnit Unit => ScheduleUnit.Epoch;

    protected override ILearningRateSchedule Create(NoSettings settings, ScheduleContext context) =>
        throw new NotSupportedException();
}

internal sealed class FakeStep : ScheduleFactory<StepSettings>
{
    public override string Name => "step";

    public override string Description => "test schedule";

    public override ScheduleUnit Unit => ScheduleUnit.Epoch;

    protected override ILearningRateSchedule Create(StepSettings settings, ScheduleContext context) =>
        throw new NotSupportedException();
}
