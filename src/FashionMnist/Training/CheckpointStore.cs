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

    /// <summary>
    /// Checks that the folder can be resumed, before anything in it changes: a single run (not a sweep's parent)
    /// that has not finished and has a readable checkpoint. Throws <see cref="RunFolderException"/> otherwise.
    /// </summary>
    public void CheckResumable()
    {
        if (File.Exists(Path.Combine(paths.Directory, "sweep.json")))
        {
            throw new RunFolderException(
                $"{paths.Directory} is the parent of a sweep, which has no training of its own to resume; resume " +
                "each interrupted point's own run folder, or run the sweep again.");
        }
        if (FinishedStatus() == "FINISHED")
        {
            throw new RunFolderException(
                $"{paths.Directory} has already finished ({paths.Final}), so there is nothing to resume; start a new " +
                "run to train longer or with other settings.");
        }
        if (!Exists)
        {
            throw new RunFolderException(
                $"{paths.Directory} has no checkpoint ({State} is missing): the run stopped before its first epoch " +
                "ended, or trained with training.checkpoint: false. Start a new run instead.");
        }
        CheckpointState.Load(State);
    }

    private string? FinishedStatus()
    {
        try
        {
            using var final = System.Text.Json.JsonDocument.Parse(File.ReadAllText(paths.Final));
            return final.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

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
        CheckResumable();
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
