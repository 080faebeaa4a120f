using System.Globalization;
using System.Text.RegularExpressions;

namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>
/// The part of MLflow's search syntax the client and the recordings use: clauses such as
/// <c>metrics.loss &lt; 1</c>, <c>params.optimizer = 'adam'</c>, <c>tags.`fmnist.run_id` = 'x'</c> or
/// <c>attributes.status = 'FINISHED'</c>, joined by <c>and</c>.
/// </summary>
internal static partial class FakeRunFilter
{
    private static readonly string[] NumericComparators = ["=", "!=", "<", ">", "<=", ">="];

    public static Func<FakeRun, bool> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return _ => true;
        var clauses = AndSplitter().Split(filter.Trim()).Select(ParseClause).ToList();
        return run => clauses.All(clause => clause(run));
    }

    /// <summary>Experiment filters: <c>name = 'x'</c> or <c>name LIKE 'x%'</c>.</summary>
    public static Func<FakeExperiment, bool> ParseExperiment(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return _ => true;
        var match = ExperimentClause().Match(filter.Trim());
        if (!match.Success)
            throw FakeMlflowError.InvalidParameter($"Invalid filter '{filter}'");
        var (comparator, value) = (match.Groups["op"].Value.ToUpperInvariant(), match.Groups["value"].Value);
        return experiment => CompareText(experiment.Name, comparator, value);
    }

    private static Func<FakeRun, bool> ParseClause(string clause)
    {
        var match = Clause().Match(clause.Trim());
        if (!match.Success)
            throw FakeMlflowError.InvalidParameter($"Invalid clause(s) in filter string: '{clause}'");

        var entity = match.Groups["entity"].Value.ToLowerInvariant();
        var key = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["key"].Value;
        var comparator = match.Groups["op"].Value.ToUpperInvariant();
        var value = match.Groups["string"].Success ? match.Groups["string"].Value : match.Groups["number"].Value;

        switch (entity)
        {
            case "metrics" or "metric":
                if (!NumericComparators.Contains(comparator))
                {
                    throw FakeMlflowError.InvalidParameter(
                        $"Invalid comparator '{match.Groups["op"].Value}' not one of "
                        + "'{'=', '<', '>', '>=', '!=', '<='}");
                }
                var number = double.Parse(value, CultureInfo.InvariantCulture);
                return run => run.Latest.TryGetValue(key, out var metric)
                    && CompareNumber(metric.Value, comparator, number);
            case "params" or "param" or "parameters" or "parameter":
                return run => run.Params.TryGetValue(key, out var param) && CompareText(param, comparator, value);
            case "tags" or "tag":
                return run => run.Tags.TryGetValue(key, out var tag) && CompareText(tag, comparator, value);
            default:
                return run => CompareText(Attribute(run, key), comparator, value);
        }
    }

    private static string Attribute(FakeRun run, string key) => key switch
    {
        "run_name" => run.RunName,
        "status" => run.Status,
        "run_id" => run.RunId,
        "user_id" => run.UserId,
        "artifact_uri" => run.ArtifactUri,
        _ => throw FakeMlflowError.InvalidParameter($"Invalid attribute key '{key}' specified."),
    };

    private static bool CompareNumber(double actual, string comparator, double expected) => comparator switch
    {
        "=" => actual == expected,
        "!=" => actual != expected,
        "<" => actual < expected,
        ">" => actual > expected,
        "<=" => actual <= expected,
        _ => actual >= expected,
    };

    private static bool CompareText(string actual, string comparator, string expected) => comparator switch
    {
        "=" => actual == expected,
        "!=" => actual != expected,
        "LIKE" => Like(actual, expected, ignoreCase: false),
        "ILIKE" => Like(actual, expected, ignoreCase: true),
        _ => throw FakeMlflowError.InvalidParameter($"Invalid comparator '{comparator}' for a string attribute."),
    };

    private static bool Like(string actual, string pattern, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("%", ".*").Replace("_", ".") + "$";
        return Regex.IsMatch(actual, regex, ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
    }

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplitter();

    [GeneratedRegex(
        @"^(?<entity>[A-Za-z]+)\.(?:`(?<quoted>[^`]+)`|""(?<quoted>[^""]+)""|(?<key>[\w.:/-]+))"
        + @"\s*(?<op>[<>=!]+|LIKE|ILIKE|like|ilike)\s*"
        + @"(?:'(?<string>(?:[^'\\]|\\.)*)'|""(?<string>[^""]*)""|(?<number>-?[0-9.eE+-]+))$")]
    private static partial Regex Clause();

    [GeneratedRegex(@"^(?:attributes?\.)?name\s+(?<op>=|!=|LIKE|ILIKE|like|ilike)\s+'(?<value>[^']*)'$")]
    private static partial Regex ExperimentClause();
}
