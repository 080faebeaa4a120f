using FashionMnist.Experiments;

namespace FashionMnist.Tests.Experiments;

/// <summary>Shortcuts for loading YAML text with the test components and inspecting the problems.</summary>
internal static class LoaderAssert
{
    public static Experiment Load(string yaml, params string[] overrides) =>
        TestComponents.Loader().LoadText(yaml, "test.yaml", overrides).Experiment;

    /// <summary>Loads text that must fail and returns its problems.</summary>
    public static IReadOnlyList<ConfigProblem> Problems(string yaml, params string[] overrides)
    {
        var error = Assert.Throws<ExperimentValidationException>(
            () => TestComponents.Loader().LoadText(yaml, "test.yaml", overrides));
        return error.Problems;
    }

    /// <summary>Loads text that must fail with exactly one problem and returns it.</summary>
    public static ConfigProblem Single(string yaml, params string[] overrides) =>
        Assert.Single(Problems(yaml, overrides));
}
