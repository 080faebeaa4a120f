namespace FashionMnist.Schedules;

/// <summary>Base class that binds a schedule factory to its typed settings.</summary>
public abstract class ScheduleFactory<TSettings> : IScheduleFactory where TSettings : class, new()
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract ScheduleUnit Unit { get; }

    public Type SettingsType => typeof(TSettings);

    public ILearningRateSchedule Create(object settings, ScheduleContext context) =>
        Create(settings as TSettings ?? new TSettings(), context);

    /// <summary>Creates the schedule from typed settings.</summary>
    protected abstract ILearningRateSchedule Create(TSettings settings, ScheduleContext context);
}
