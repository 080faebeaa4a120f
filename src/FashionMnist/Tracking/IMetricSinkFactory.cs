using FashionMnist.Experiments;

namespace FashionMnist.Tracking;

/// <summary>
/// Creates a sink for one run, or returns null when the experiment does not use it. Every factory registered
/// in dependency injection is asked at the start of each run; this is how trackers plug in.
/// </summary>
public interface IMetricSinkFactory
{
    IMetricSink? Create(Experiment experiment, RunPaths paths);
}
