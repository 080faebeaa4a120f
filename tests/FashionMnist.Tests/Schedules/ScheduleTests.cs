using FashionMnist.Hosting;
using FashionMnist.Schedules;

namespace FashionMnist.Tests.Schedules;

public class ScheduleTests
{
    private static readonly ScheduleContext Context = new(BaseLearningRate: 0.1, Epochs: 10, StepsPerEpoch: 100);

    private static EpochOutcome Outcome(int epoch, double accuracy, double loss = 1.0) => new(epoch, accuracy, loss, 0.1);

    [Fact]
    public void BlogDecay_NoImprovement_DecaysAndResets()
    {
        var schedule = new BlogDecaySchedule().Create(new BlogDecaySchedule.Settings(), Context);

        var first = schedule.AfterEpoch(Outcome(1, 0.50));
        var better = schedule.AfterEpoch(Outcome(2, 0.60));
        var same = schedule.AfterEpoch(Outcome(3, 0.60));
        var worse = schedule.AfterEpoch(Outcome(4, 0.55));

        Assert.Equal(ScheduleDecision.Keep, first);
        Assert.Equal(ScheduleDecision.Keep, better);
        Assert.Equal(0.08, same.LearningRate!.Value, 12);
        Assert.True(same.ResetOptimizer);
        Assert.Equal(0.064, worse.LearningRate!.Value, 12);
        Assert.True(worse.ResetOptimizer);
    }

    [Fact]
    public void BlogDecay_StateRoundTrip_ContinuesDecay()
    {
        var original = new BlogDecaySchedule().Create(new BlogDecaySchedule.Settings { Factor = 0.5 }, Context);
        original.AfterEpoch(Outcome(1, 0.7));
        original.AfterEpoch(Outcome(2, 0.6));
        var restored = new BlogDecaySchedule().Create(new BlogDecaySchedule.Settings { Factor = 0.5 }, Context);

        restored.LoadState(original.SaveState());
        var decision = restored.AfterEpoch(Outcome(3, 0.65));

        Assert.Equal(0.025, decision.LearningRate!.Value, 12);
    }

    [Fact]
    public void Step_DecaysEveryStepSize()
    {
        var schedule = new StepSchedule().Create(new StepSchedule.Settings { StepSize = 2, Gamma = 0.5 }, Context);

        var rates = Enumerable.Range(1, 5).Select(e => schedule.AfterEpoch(Outcome(e, 0.5)).LearningRate!.Value).ToArray();

        Assert.Equal([0.1, 0.05, 0.05, 0.025, 0.025], rates, new ToleranceComparer(1e-12));
    }

    [Fact]
    public void MultiStep_DecaysAtMilestones()
    {
        var settings = new MultiStepSchedule.Settings { Milestones = [2, 4], Gamma = 0.1 };
        var schedule = new MultiStepSchedule().Create(settings, Context);

        var rates = Enumerable.Range(1, 5).Select(e => schedule.AfterEpoch(Outcome(e, 0.5)).LearningRate!.Value).ToArray();

        Assert.Equal([0.1, 0.01, 0.01, 0.001, 0.001], rates, new ToleranceComparer(1e-12));
    }

    [Fact]
    public void MultiStep_UnorderedMilestones_Invalid()
    {
        var settings = new MultiStepSchedule.Settings { Milestones = [5, 3] };

        var problems = settings.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(settings)).ToList();

        Assert.Single(problems);
        Assert.Contains("[5, 3]", problems[0].ErrorMessage);
    }

    [Fact]
    public void Exponential_MultipliesEveryEpoch()
    {
        var schedule = new ExponentialSchedule().Create(new ExponentialSchedule.Settings { Gamma = 0.9 }, Context);

        var rate = schedule.AfterEpoch(Outcome(3, 0.5)).LearningRate!.Value;

        Assert.Equal(0.1 * 0.9 * 0.9 * 0.9, rate, 12);
    }

    [Fact]
    public void Cosine_WarmsUpThenAnneals()
    {
        var schedule = new CosineSchedule().Create(new CosineSchedule.Settings { WarmupEpochs = 1, MinLr = 0.001 }, Context);

        Assert.Equal(0.1 / 100, schedule.InitialLearningRate, 12);
        Assert.Equal(0.1 * 50 / 100, schedule.AfterBatch(49)!.Value, 12);
        Assert.Equal(0.1, schedule.AfterBatch(100)!.Value, 12);
        Assert.Equal(0.001 + (0.1 - 0.001) * 0.5, schedule.AfterBatch(550)!.Value, 12);
        Assert.Equal(0.001, schedule.AfterBatch(1000)!.Value, 12);
        Assert.Equal(ScheduleDecision.Keep, schedule.AfterEpoch(Outcome(1, 0.5)));
    }

    [Fact]
    public void OneCycle_PeakThenFinalRate()
    {
        var settings = new OneCycleSchedule.Settings { MaxLr = 0.2, PctStart = 0.3, DivFactor = 25, FinalDivFactor = 1e4 };
        var schedule = new OneCycleSchedule().Create(settings, Context);
        var rates = Enumerable.Range(0, 1000).Select(s => schedule.AfterBatch(s)!.Value).ToArray();

        Assert.Equal(0.2 / 25, schedule.InitialLearningRate, 12);
        Assert.Equal(0.2, rates.Max(), 12);
        Assert.InRange(Array.IndexOf(rates, rates.Max()), 290, 300);
        Assert.Equal(0.2 / 25 / 1e4, rates[^1], 12);
    }

    [Fact]
    public void ReduceOnPlateau_WaitsPatienceAndKeepsOptimizer()
    {
        var settings = new ReduceOnPlateauSchedule.Settings { Metric = "dev_loss", Patience = 1, Factor = 0.5 };
        var schedule = new ReduceOnPlateauSchedule().Create(settings, Context);

        var first = schedule.AfterEpoch(Outcome(1, 0.5, loss: 1.0));
        var flat = schedule.AfterEpoch(Outcome(2, 0.5, loss: 1.0));
        var stillFlat = schedule.AfterEpoch(Outcome(3, 0.5, loss: 1.0));

        Assert.Equal(ScheduleDecision.Keep, first);
        Assert.Equal(ScheduleDecision.Keep, flat);
        Assert.Equal(0.05, stillFlat.LearningRate!.Value, 12);
        Assert.False(stillFlat.ResetOptimizer);
    }

    [Theory]
    [InlineData("constant", ScheduleUnit.Epoch)]
    [InlineData("blog_decay", ScheduleUnit.Epoch)]
    [InlineData("reduce_on_plateau", ScheduleUnit.Epoch)]
    [InlineData("step", ScheduleUnit.Epoch)]
    [InlineData("multi_step", ScheduleUnit.Epoch)]
    [InlineData("exponential", ScheduleUnit.Epoch)]
    [InlineData("cosine", ScheduleUnit.Batch)]
    [InlineData("one_cycle", ScheduleUnit.Batch)]
    public void EverySchedule_StatesItsUnit(string name, ScheduleUnit unit)
    {
        var catalog = TestHost.Catalog<IScheduleFactory>();

        Assert.Equal(unit, catalog.Get(name).Unit);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
