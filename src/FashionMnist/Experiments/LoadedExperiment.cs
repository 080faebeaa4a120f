namespace FashionMnist.Experiments;

/// <summary>An experiment as loaded: the bound settings, where they came from and the overrides applied.</summary>
/// <param name="Experiment">The experiment with every default filled in and component settings bound.</param>
/// <param name="SourcePath">The file as the caller named it, or the source name given to <see
/// cref="ExperimentLoader.LoadText"/>.</param>
/// <param name="Overrides">The <c>key.path=value</c> overrides applied after the files, in the order given.</param>
public sealed record LoadedExperiment(Experiment Experiment, string SourcePath, IReadOnlyList<string> Overrides);
