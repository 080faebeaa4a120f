using FashionMnist.Tracking.Mlflow;
using FashionMnist.Tracking.Mlflow.Internal;

namespace FashionMnist.Tests.Tracking;

public sealed class RunJournalTests
{
    [Fact]
    public void Open_TornLastLine_Dropped()
    {
        using var folder = new TemporaryDirectory();
        using (var journal = RunJournal.Open(folder.Path))
        {
            journal.Append(new JournalEntry { Op = JournalEntry.StartRun, RunId = "r" }, durable: true);
            var batch = new JournalEntry { Op = JournalEntry.LogBatch, Metrics = [new MlflowMetric("loss", 1, 1, 1)] };
            journal.Append(batch, durable: true);
        }
        File.AppendAllText(RunJournal.PathFor(folder.Path), "{\"seq\":3,\"op\":\"log_ba");

        using (var journal = RunJournal.Open(folder.Path))
            journal.Append(new JournalEntry { Op = JournalEntry.EndRun, Status = "KILLED" }, durable: true);

        var entries = RunJournal.Read(RunJournal.PathFor(folder.Path));
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Seq));
        Assert.Equal("KILLED", entries[2].Status);
        Assert.Equal(3, File.ReadAllLines(RunJournal.PathFor(folder.Path)).Length);
    }

    [Fact]
    public void Append_NonFiniteMetrics_ReadBackUnchanged()
    {
        using var folder = new TemporaryDirectory();
        using (var journal = RunJournal.Open(folder.Path))
        {
            journal.Append(new JournalEntry
            {
                Op = JournalEntry.LogBatch,
                Metrics =
                [
                    new("a", double.NaN, 1, 1),
                    new("b", double.PositiveInfinity, 1, 1),
                    new("c", double.NegativeInfinity, 1, 1),
                ],
            }, durable: true);
        }

        var metrics = RunJournal.Read(RunJournal.PathFor(folder.Path)).Single().Metrics!;

        Assert.True(double.IsNaN(metrics[0].Value));
        Assert.Equal(double.PositiveInfinity, metrics[1].Value);
        Assert.Equal(double.NegativeInfinity, metrics[2].Value);
    }

    [Fact]
    public void State_SaveAndLoad_KeepsProgressPerServer()
    {
        using var folder = new TemporaryDirectory();
        var state = new TrackingState();
        state.For(new Uri("http://a:5000/")).AcknowledgedSeq = 4;
        state.For(new Uri("http://b:5000/")).RunId = "abc";
        state.Save(folder.Path);

        var loaded = TrackingState.Load(folder.Path);

        Assert.Equal(4, loaded.For(new Uri("http://a:5000/")).AcknowledgedSeq);
        Assert.Equal("abc", loaded.For(new Uri("http://b:5000/")).RunId);
        Assert.Equal(0, loaded.For(new Uri("http://b:5000/")).AcknowledgedSeq);
    }

    [Fact]
    public void State_CorruptFile_SaysHowToRecover()
    {
        using var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.Combine("tracking"));
        File.WriteAllText(TrackingState.PathFor(folder.Path), "{ not json");

        var error = Assert.Throws<MlflowException>(() => TrackingState.Load(folder.Path));

        Assert.Contains(TrackingState.PathFor(folder.Path), error.Message);
        Assert.Contains("Delete it", error.Message);
    }
}
