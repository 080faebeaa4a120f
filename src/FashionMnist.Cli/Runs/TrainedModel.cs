using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Hosting;
using FashionMnist.Models;
using FashionMnist.Tracking;
using FashionMnist.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Cli.Runs;

/// <summary>Rebuilds the model of a run from its experiment and loads the run's best weights into it.</summary>
internal static class TrainedModel
{
    /// <summary>
    /// Creates the architecture that <paramref name="experiment"/> names, loads <see cref="RunPaths.BestWeights"/>
    /// and puts the module in eval mode. Throws <see cref="DataException"/> when the weights do not fit.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Load(RunPaths paths, Experiment experiment,
        ComponentCatalog<IModelArchitecture> models)
    {
        var threads = experiment.Training.Threads;
        NativeHeap.TuneForTraining();
        torch.set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);

        var architecture = models.Get(experiment.Model.Name);
        var settings = experiment.Model.Settings ?? Activator.CreateInstance(architecture.SettingsType)!;
        var model = architecture.Create(settings);
        try
        {
            model.load(paths.BestWeights);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            model.Dispose();
            throw new DataException(
                $"{paths.BestWeights}: cannot load the weights into the {experiment.Model.Name} model that "
                + $"{paths.Experiment} describes ({ex.Message}). The file may be damaged, or experiment.yaml may have "
                + "been edited after training; restore it or train the run again.", ex);
        }

        model.eval();
        return model;
    }
}
