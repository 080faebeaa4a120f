namespace FashionMnist.Schedules;

/// <summary>When a schedule changes the learning rate.</summary>
public enum ScheduleUnit
{
    /// <summary>After each epoch's dev evaluation.</summary>
    Epoch,

    /// <summary>After each optimizer step.</summary>
    Batch,
}
