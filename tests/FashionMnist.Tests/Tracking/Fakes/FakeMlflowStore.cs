using System.Globalization;
using FashionMnist.Tracking.Mlflow;

namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>
/// The state of the fake tracking server, with the rules an MLflow 2.17.2 server with a SQL store applies:
/// parameters never change, identical metric values are stored once, deleted runs and experiments refuse writes.
/// </summary>
internal sealed class FakeMlflowStore
{
    private static readonly string[] Adjectives = ["caring", "bold", "calm", "eager", "gentle", "brave"];
    private static readonly string[] Animals = ["crane", "otter", "lynx", "heron", "mole", "wren"];

    private readonly Lock _lock = new();
    private readonly List<FakeExperiment> _experiments = [];
    private readonly List<FakeRun> _runs = [];
    private int _nextExperimentId;

    public FakeMlflowStore(string artifactRoot)
    {
        ArtifactRoot = artifactRoot.TrimEnd('/');
        var root = ArtifactRoot == "mlflow-artifacts:" ? "mlflow-artifacts:/" : ArtifactRoot + "/";
        var defaultExperiment = new FakeExperiment
        {
            Id = "0",
            Name = "Default",
            ArtifactLocation = root + "0",
            CreationTime = Now(),
            LastUpdateTime = Now(),
        };
        _experiments.Add(defaultExperiment);
        _nextExperimentId = 1;
    }

    /// <summary>
    /// Where new experiments keep artifacts: <c>mlflow-artifacts:</c>, a <c>file:</c> URI or another scheme.
    /// </summary>
    public string ArtifactRoot { get; }

    /// <summary>Files uploaded through the artifact proxy, by path under the proxy root.</summary>
    public Dictionary<string, byte[]> Artifacts { get; } = new(StringComparer.Ordinal);

    public Lock SyncRoot => _lock;

    public IReadOnlyList<FakeRun> Runs
    {
        get
        {
            lock (_lock)
                return _runs.ToList();
        }
    }

    public IReadOnlyList<FakeExperiment> Experiments
    {
        get
        {
            lock (_lock)
                return _experiments.ToList();
        }
    }

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public FakeExperiment? ExperimentByName(string name) => _experiments.FirstOrDefault(e => e.Name == name);

    public FakeExperiment Experiment(string id) =>
        _experiments.FirstOrDefault(e => e.Id == id)
        ?? throw FakeMlflowError.NotFound($"No Experiment with id={id} exists");

    public FakeRun Run(string runId) =>
        _runs.FirstOrDefault(r => r.RunId == runId) ?? throw FakeMlflowError.NotFound($"Run with id={runId} not found");

    public FakeRun ActiveRun(string runId)
    {
        var run = Run(runId);
        if (run.LifecycleStage != "active")
        {
            throw FakeMlflowError.InvalidParameter(
                $"The run {runId} must be in the 'active' state. Current state is {run.LifecycleStage}.");
        }
        return run;
    }

    public FakeExperiment CreateExperiment(string name, IEnumerable<KeyValuePair<string, string>> tags)
    {
        if (ExperimentByName(name) is not null)
        {
            // The real server passes SQLAlchemy's text through, with its own time stamps.
            var now = Now();
            throw new FakeMlflowError(400, "RESOURCE_ALREADY_EXISTS",
                $"Experiment(name={name}) already exists. Error: (raised as a result of Query-invoked autoflush; "
                + "consider using a session.no_autoflush block if this flush is occurring prematurely)\n"
                + "(sqlite3.IntegrityError) UNIQUE constraint failed: experiments.name\n[SQL: INSERT INTO experiments "
                + "(name, artifact_location, lifecycle_stage, creation_time, last_update_time) "
                + "VALUES (?, ?, ?, ?, ?)]\n"
                + $"[parameters: ('{name}', '', 'active', {now}, {now})]\n"
                + "(Background on this error at: https://sqlalche.me/e/14/gkpj)");
        }
        var id = (_nextExperimentId++).ToString(CultureInfo.InvariantCulture);
        var location = ArtifactRoot == "mlflow-artifacts:" ? $"mlflow-artifacts:/{id}" : $"{ArtifactRoot}/{id}";
        var experiment = new FakeExperiment
        {
            Id = id,
            Name = name,
            ArtifactLocation = location,
            CreationTime = Now(),
            LastUpdateTime = Now(),
        };
        foreach (var tag in tags)
            experiment.Tags[tag.Key] = tag.Value;
        _experiments.Add(experiment);
        return experiment;
    }

    public FakeRun CreateRun(
        string experimentId,
        string? runName,
        long startTime,
        string userId,
        List<KeyValuePair<string, string>> tags)
    {
        var experiment = Experiment(experimentId);
        if (experiment.LifecycleStage != "active")
        {
            throw FakeMlflowError.InvalidParameter(
                $"The experiment {experimentId} must be in the 'active' state. Current state is "
                + $"{experiment.LifecycleStage}.");
        }

        var nameTag = tags.FirstOrDefault(t => t.Key == "mlflow.runName").Value;
        if (runName is not null && nameTag is not null && runName != nameTag)
        {
            throw FakeMlflowError.InvalidParameter(
                $"Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values "
                + $"(run_name='{runName}', mlflow.runName='{nameTag}').");
        }
        var name = runName ?? nameTag ?? GenerateRunName();
        var runId = Guid.NewGuid().ToString("N");
        var run = new FakeRun
        {
            RunId = runId,
            ExperimentId = experimentId,
            RunName = name,
            UserId = userId,
            StartTime = startTime,
            ArtifactUri = $"{experiment.ArtifactLocation}/{runId}/artifacts",
        };
        foreach (var tag in tags)
            run.Tags[tag.Key] = tag.Value;
        if (nameTag is null)
            run.Tags["mlflow.runName"] = name;
        _runs.Add(run);
        return run;
    }

    // Like MLflow's generated names, such as caring-crane-16.
    private static string GenerateRunName()
    {
        var adjective = Adjectives[Random.Shared.Next(Adjectives.Length)];
        var animal = Animals[Random.Shared.Next(Animals.Length)];
        return $"{adjective}-{animal}-{Random.Shared.Next(1, 100)}";
    }

    /// <summary>Adds parameters, rejecting all of them when one would change a logged value.</summary>
    public void LogParams(FakeRun run, IReadOnlyList<KeyValuePair<string, string>> parameters, bool single)
    {
        var changed = parameters
            .Where(p => run.Params.TryGetValue(p.Key, out var old) && old != p.Value)
            .Select(p => (p.Key, Old: run.Params[p.Key], New: p.Value))
            .ToList();
        if (changed.Count > 0 && single)
        {
            var (key, old, value) = changed[0];
            throw FakeMlflowError.InvalidParameter(
                $"Changing param values is not allowed. Param with key='{key}' was already logged with value='{old}' "
                + $"for run ID='{run.RunId}'. Attempted logging new value '{value}'.");
        }
        if (changed.Count > 0)
        {
            var listed = string.Join(
                ", ", changed.Select(c => $"{{'key': '{c.Key}', 'old_value': '{c.Old}', 'new_value': '{c.New}'}}"));
            throw FakeMlflowError.InvalidParameter(
                $"Changing param values is not allowed. Params were already logged='[{listed}]' for run "
                + $"ID='{run.RunId}'.");
        }
        foreach (var parameter in parameters)
            run.Params[parameter.Key] = parameter.Value;
    }

    public static void LogMetrics(FakeRun run, IEnumerable<FakeMetric> metrics)
    {
        foreach (var metric in metrics)
        {
            // MLflow's SQL store keeps infinities as the largest finite doubles and ignores a value identical in
            // key, value, timestamp and step to one it has (its primary key).
            var value = double.IsPositiveInfinity(metric.Value) ? double.MaxValue
                : double.IsNegativeInfinity(metric.Value) ? double.MinValue
                : metric.Value;
            var stored = metric with { Value = value };
            if (run.History.Any(m => m.Key == stored.Key && m.Timestamp == stored.Timestamp && m.Step == stored.Step
                && m.Value.Equals(stored.Value)))
            {
                continue;
            }
            run.History.Add(stored);
            if (!run.Latest.TryGetValue(stored.Key, out var latest) || IsNewer(stored, latest))
                run.Latest[stored.Key] = stored;
        }
    }

    private static bool IsNewer(FakeMetric candidate, FakeMetric latest) =>
        (candidate.Step, candidate.Timestamp).CompareTo((latest.Step, latest.Timestamp)) is var order
        && (order > 0 || (order == 0 && candidate.Value > latest.Value));

    public IReadOnlyList<FakeMetric> History(string runId, string key)
    {
        lock (_lock)
            return Run(runId).History.Where(m => m.Key == key).ToList();
    }

    /// <summary>Validates a metric key as the 2.17 server does, reporting it under <paramref name="path"/>.</summary>
    public static void ValidateMetricKey(string key, string path)
    {
        if (!key.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or ':' or '/'))
        {
            throw FakeMlflowError.InvalidParameter(
                $"Invalid value \"{key}\" for parameter '{path}' supplied: Names may only contain alphanumerics, "
                + "underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).");
        }
        var normalized = MlflowKeys.NormalizePosixPath(key);
        if (normalized != key || normalized == "." || normalized.StartsWith("..", StringComparison.Ordinal)
            || normalized.StartsWith('/'))
        {
            throw FakeMlflowError.InvalidParameter(
                $"Invalid value \"{key}\" for parameter '{path}' supplied: Names may be treated as files in certain "
                + "cases, and must not resolve to other names when treated as such. This name would resolve to "
                + $"'{normalized}'");
        }
    }

    /// <summary>Refuses a key or value over its limit with the message format of the 2.17 server.</summary>
    public static void ValidateLength(string entity, string value, int limit)
    {
        if (value.Length > limit)
        {
            throw FakeMlflowError.InvalidParameter(
                $"{entity} '{value[..Math.Min(250, value.Length)]}' had length {value.Length}, which exceeded length "
                + $"limit of {limit}");
        }
    }
}
