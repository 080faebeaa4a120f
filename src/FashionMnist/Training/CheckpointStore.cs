using FashionMnist.Tracking;

namespace FashionMnist.Training;

/// <summary>
/// Writes and restores the resumable checkpoint of a run folder: model weights, optimizer state and
/// <see cref="CheckpointState"/>. The state file is written last, so a checkpoint is complete only when it exists.
/// </summary>
public sealed class CheckpointStore(RunPaths paths)
{
    private string Model => Path.Combine(paths.Checkpoint, "model.dat");

    private string Optimizer => Path.Combine(paths.Checkpoint, "optimizer.dat");

    private string State => Path.Combine(paths.Checkpoint, "state.json");

    public bool Exists => File.Exists(State);

    public void Save(TrainingState state, CheckpointState progress)
    {
        Directory.CreateDirectory(paths.Checkpoint);
        progress.Schedule = state.Schedule.SaveState().ToDictionary();
        SaveAtomically(Model, path => state.Model.save(path));
        SaveAtomically(Optimizer, state.SaveOptimizer);
        progress.Save(State);
    }

    /// <summary>Loads the checkpoint into <paramref name="state"/> and returns its progress record.</summary>
    public CheckpointState Restore(TrainingState state)
    {
        if (!Exists)
        {
            throw new InvalidOperationException(
                $"{paths.Directory} has no checkpoint ({State} is missing), so it cannot be resumed; " +
                "start a new run instead, or resume a run trained with training.checkpoint: true.");
        }

        var progress = CheckpointState.Load(State);
        state.Model.load(Model);
        state.SetLearningRate(progress.LearningRate);
        state.LoadOptimizer(Optimizer);
        state.SetLearningRate(progress.LearningRate);
        state.Schedule.LoadState(progress.Schedule);
        state.CompletedSteps = progress.CompletedSteps;
        return progress;
    }

    private static void SaveAtomically(string path, Action<string> save)
    {
        var temporary = path + ".tmp";
        save(temporary);
        File.Move(temporary, path, overwrite: true);
    }
}
