using System.Text.Json;
using FashionMnist.Tracking;

namespace FashionMnist.Training;

/// <summary>
/// Everything besides the weights and optimizer moments that a resumed run needs, written as
/// <c>checkpoint/state.json</c> after every epoch.
/// </summary>
public sealed class CheckpointState
{
    /// <summary>Last completed epoch.</summary>
    public int Epoch { get; set; }

    public long CompletedSteps { get; set; }

    public double LearningRate { get; set; }

    public Dictionary<string, double> Schedule { get; set; } = new();

    public double BestDevAccuracy { get; set; } = double.NegativeInfinity;

    public int BestEpoch { get; set; }

    /// <summary>Best value of the early-stopping metric, and epochs since it last improved.</summary>
    public double EarlyStoppingBest { get; set; } = double.NaN;

    public int EpochsWithoutImprovement { get; set; }

    /// <summary>Training seconds spent before the interruption.</summary>
    public double TrainingSeconds { get; set; }

    /// <summary>Serialises the state to <paramref name="path"/> through a temporary file, so a crash never leaves half a file.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, RunFolderSink.Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the state, or throws <see cref="RunFolderException"/> naming the file when it is damaged.</summary>
    public static CheckpointState Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path), RunFolderSink.Json)
                ?? throw new JsonException("the file contains null");
        }
        catch (JsonException ex)
        {
            throw new RunFolderException(
                $"{path} is damaged ({ex.Message}), so the run cannot be resumed from it; start a new run instead.", ex);
        }
    }
}
