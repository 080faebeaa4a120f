using FashionMnist.Hosting;

namespace FashionMnist.Schedules;

/// <summary>Creates a learning-rate schedule for one run from its settings.</summary>
public interface IScheduleFactory : IComponent
{
    /// <summary>Whether schedules of this kind change the rate after every batch or after every epoch.</summary>
    ScheduleUnit Unit { get; }

    /// <summary>Creates the schedule in its initial state.</summary>
    ILearningRateSchedule Create(object settings, ScheduleContext context);
}
