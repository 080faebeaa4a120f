using FashionMnist.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnist.Tests.Optimizers;

/// <summary>
/// Each optimizer takes five steps on f(w) = ½ Σ cᵢ wᵢ², whose gradient is c ⊙ w, and must land on the values the
/// published update rule gives, computed here in double precision. Tolerance: 1e-5 relative plus 1e-6 absolute,
/// the float32 rounding of five steps.
/// </summary>
public sealed class OptimizerGoldenTests
{
    private const double LearningRate = 0.1;
    private const int Steps = 5;
    private static readonly double[] Start = [1.0, -2.0, 0.5];
    private static readonly double[] Curvature = [1.0, 3.0, 0.2];

    public static TheoryData<string> Cases =>
    [
        "sgd",
        "sgd momentum 0.9 dampening 0.1",
        "sgd momentum 0.9 nesterov weight_decay 0.01",
        "adam",
        "adam weight_decay 0.1 amsgrad",
        "adamw weight_decay 0.1",
        "rmsprop",
        "rmsprop momentum 0.9 centered weight_decay 0.01",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void FiveSteps_MatchTheUpdateRule(string description)
    {
        var words = description.Split(' ');
        var (factory, settings) = Create(words);

        var actual = RunTorch(factory, settings);
        var expected = Reference(words[0], settings);

        for (var i = 0; i < Start.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6 + 1e-5 * Math.Abs(expected[i]),
                $"{description}: w[{i}] is {actual[i]}, the rule gives {expected[i]}");
        }
        // Five steps moved every weight, so the comparison is not between starting values.
        Assert.All(Enumerable.Range(0, Start.Length), i => Assert.NotEqual(Start[i], expected[i], 3));
    }

    private static (IOptimizerFactory Factory, object Settings) Create(string[] words)
    {
        var factory = TestHost.Catalog<IOptimizerFactory>().Get(words[0]);
        var settings = Activator.CreateInstance(factory.SettingsType)!;
        for (var i = 1; i < words.Length; i++)
        {
            var property = settings.GetType().GetProperties()
                .Single(p => string.Equals(p.Name, words[i].Replace("_", ""), StringComparison.OrdinalIgnoreCase));
            if (property.PropertyType == typeof(bool))
            {
                property.SetValue(settings, true);
            }
            else
            {
                property.SetValue(settings, double.Parse(words[i + 1], System.Globalization.CultureInfo.InvariantCulture));
                i++;
            }
        }
        return (factory, settings);
    }

    private static double[] RunTorch(IOptimizerFactory factory, object settings)
    {
        using var weights = new Parameter(tensor(Start.Select(v => (float)v).ToArray()), requires_grad: true);
        using var curvature = tensor(Curvature.Select(v => (float)v).ToArray());
        using var optimizer = factory.Create([weights], LearningRate, settings);
        for (var step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            (curvature * weights * weights).sum().mul(0.5).backward();
            optimizer.step();
        }
        return weights.data<float>().ToArray().Select(v => (double)v).ToArray();
    }

    // The update rules as torch.optim documents them, one weight at a time.
    private static double[] Reference(string name, object settings)
    {
        double Get(string property) => Convert.ToDouble(settings.GetType().GetProperty(property)!.GetValue(settings));
        bool Flag(string property) => (bool)settings.GetType().GetProperty(property)!.GetValue(settings)!;

        var result = new double[Start.Length];
        for (var i = 0; i < Start.Length; i++)
        {
            var w = Start[i];
            double m = 0, v = 0, vMax = 0, buffer = 0, mean = 0;
            for (var t = 1; t <= Steps; t++)
            {
                var g = Curvature[i] * w;
                switch (name)
                {
                    case "sgd":
                    {
                        g += Get("WeightDecay") * w;
                        var momentum = Get("Momentum");
                        if (momentum > 0)
                        {
                            buffer = t == 1 ? g : momentum * buffer + (1 - Get("Dampening")) * g;
                            g = Flag("Nesterov") ? g + momentum * buffer : buffer;
                        }
                        w -= LearningRate * g;
                        break;
                    }
                    case "adam" or "adamw":
                    {
                        var (beta1, beta2, eps) = (Get("Beta1"), Get("Beta2"), Get("Eps"));
                        if (name == "adamw")
                            w *= 1 - LearningRate * Get("WeightDecay");
                        else
                            g += Get("WeightDecay") * w;
                        m = beta1 * m + (1 - beta1) * g;
                        v = beta2 * v + (1 - beta2) * g * g;
                        vMax = Math.Max(vMax, v);
                        var second = Flag("Amsgrad") ? vMax : v;
                        var denominator = Math.Sqrt(second) / Math.Sqrt(1 - Math.Pow(beta2, t)) + eps;
                        w -= LearningRate / (1 - Math.Pow(beta1, t)) * m / denominator;
                        break;
                    }
                    case "rmsprop":
                    {
                        var (alpha, eps, momentum) = (Get("Alpha"), Get("Eps"), Get("Momentum"));
                        g += Get("WeightDecay") * w;
                        v = alpha * v + (1 - alpha) * g * g;
                        var average = v;
                        if (Flag("Centered"))
                        {
                            mean = alpha * mean + (1 - alpha) * g;
                            average = v - mean * mean;
                        }
                        var denominator = Math.Sqrt(average) + eps;
                        if (momentum > 0)
                        {
                            buffer = momentum * buffer + g / denominator;
                            w -= LearningRate * buffer;
                        }
                        else
                        {
                            w -= LearningRate * g / denominator;
                        }
                        break;
                    }
                    default:
                        throw new ArgumentException(name);
                }
            }
            result[i] = w;
        }
        return result;
    }
}
