using FashionMnist.Experiments.Internal;
using FashionMnist.Hosting;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Schedules;

namespace FashionMnist.Experiments;

/// <summary>
/// Reads experiment files into <see cref="Experiment"/> objects. A load reads the file and the files it
/// <c>extends</c>, merges the <c>--set</c> overrides over them, binds the result onto the option classes and
/// the named components' settings, and checks it. Every problem found is reported at once in one
/// <see cref="ExperimentValidationException"/>, before anything trains.
/// </summary>
public sealed class ExperimentLoader
{
    private readonly ComponentRegistry _components;

    public ExperimentLoader(
        ComponentCatalog<IModelArchitecture> models,
        ComponentCatalog<IOptimizerFactory> optimizers,
        ComponentCatalog<IScheduleFactory> schedules)
    {
        _components = new ComponentRegistry(new Dictionary<string, ComponentKind>
        {
            ["model"] = ComponentKind.From(models),
            ["optimizer"] = ComponentKind.From(optimizers),
            ["schedule"] = ComponentKind.From(schedules),
        });
    }

    /// <summary>Loads the experiment file at <paramref name="path"/>, relative to the working directory.</summary>
    /// <param name="overrides">Overrides such as <c>optimizer.lr=0.01</c>, applied in order after the files.</param>
    /// <exception cref="ExperimentValidationException">The file is missing or unreadable, or any setting is
    /// invalid.</exception>
    public LoadedExperiment Load(string path, IReadOnlyList<string> overrides)
    {
        var problems = new ProblemList();
        var text = ReadFile(path, problems);
        problems.ThrowIfAny();
        return LoadCore(text!, path, overrides, problems);
    }

    /// <summary>
    /// Loads an experiment from YAML text. <paramref name="sourceName"/> names it in problems, and its directory
    /// (the working directory when it has none) is where an <c>extends</c> path starts.
    /// </summary>
    /// <exception cref="ExperimentValidationException">Any setting is invalid.</exception>
    public LoadedExperiment LoadText(string yaml, string sourceName, IReadOnlyList<string> overrides) =>
        LoadCore(yaml, sourceName, overrides, new ProblemList());

    private LoadedExperiment LoadCore(
        string text, string sourceName, IReadOnlyList<string> overrides, ProblemList problems)
    {
        var files = new FileComposer(problems).Compose(text, sourceName, out var extendsValue);
        if (files is null)
            problems.ThrowIfAny();

        var layer = OverrideLayer.Build(overrides, files!, _components, problems);
        var merged = LayerMerger.Merge(files!, layer, switchComponents: true);

        var binder = new ConfigBinder(_components, problems);
        var origin = new ConfigScalar("", true, sourceName, files!.Line, files.Column);
        var experiment = binder.Bind(merged, origin);
        experiment.Extends = extendsValue;

        CrossFieldChecks.Run(experiment, binder.Locations, problems);
        new SweepValidator(_components, problems).Validate(experiment, binder.Locations);
        problems.ThrowIfAny();
        return new LoadedExperiment(experiment, sourceName, overrides.ToList());
    }

    private static string? ReadFile(string path, ProblemList problems)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            problems.Add(path, 0, 0, "", path, "is a directory; give the path of an experiment file (.yaml)");
            return null;
        }
        if (!File.Exists(fullPath))
        {
            problems.Add(path, 0, 0, "", path,
                $"experiment file not found (looked for {fullPath}); check the path, which is relative to "
                + $"the working directory {Directory.GetCurrentDirectory()}");
            return null;
        }

        try
        {
            return File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(path, 0, 0, "", path, $"cannot read the experiment file: {ex.Message}");
            return null;
        }
    }
}
