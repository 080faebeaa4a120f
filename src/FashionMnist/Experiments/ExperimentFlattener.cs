using System.Collections;
using FashionMnist.Experiments.Internal;

namespace FashionMnist.Experiments;

/// <summary>Flattens an experiment into dotted keys and text values, as logged to MLflow as run parameters.</summary>
public static class ExperimentFlattener
{
    /// <summary>
    /// Returns every setting as a dotted key (<c>optimizer.lr</c>, <c>model.dropout</c>, <c>tracking.tags.team</c>)
    /// with its value in the invariant culture: doubles in the shortest form that reads back the same ("R"),
    /// bools as <c>true</c>/<c>false</c>, lists as <c>[a, b]</c>. Keys whose value is null are omitted, and so
    /// is the whole sweep section when there is no sweep. <see cref="Experiment.Extends"/> is omitted too,
    /// because its values are already in the other keys. Keys come in the same order as in
    /// <see cref="ExperimentWriter.ToYaml"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Flatten(Experiment experiment)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(experiment, "", result);
        return result;
    }

    private static void Collect(object target, string prefix, Dictionary<string, string> result)
    {
        foreach (var property in SettingSchema.PropertiesOf(target.GetType()))
        {
            if (target is Experiment && property.Property.Name == nameof(Experiment.Extends))
                continue;

            var key = prefix + property.Key;
            var value = property.GetValue(target);
            if (value is null)
                continue;

            switch (property.Kind)
            {
                case SettingKind.Section:
                    Collect(value, key + ".", result);
                    break;
                case SettingKind.Component:
                    Collect(value, key + ".", result);
                    if (((ComponentOptions)value).Settings is { } settings)
                        Collect(settings, key + ".", result);
                    break;
                case SettingKind.Dictionary:
                    foreach (DictionaryEntry entry in (IDictionary)value)
                        Add(result, $"{key}.{entry.Key}", entry.Value);
                    break;
                default:
                    Add(result, key, value);
                    break;
            }
        }
    }

    private static void Add(Dictionary<string, string> result, string key, object? value)
    {
        if (value is null)
            return;
        result[key] = value is IEnumerable and not string ? ScalarText.Flow(value) : ScalarText.Invariant(value);
    }
}
