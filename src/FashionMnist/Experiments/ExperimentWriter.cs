using System.Collections;
using FashionMnist.Experiments.Internal;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FashionMnist.Experiments;

/// <summary>Writes a resolved experiment back to YAML, for run folders and <c>fmnist validate</c>.</summary>
public static class ExperimentWriter
{
    /// <summary>
    /// Returns the experiment as YAML with every key written, defaults and component settings included, in
    /// declaration order (a component's own keys first, then its settings). Dictionaries keep their order.
    /// Loading the text again gives an equal experiment. <see cref="Experiment.Extends"/> is written only as
    /// a comment, because the extended file's values are already merged into the others.
    /// </summary>
    public static string ToYaml(Experiment experiment)
    {
        var text = new StringWriter();
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        if (experiment.Extends is not null)
        {
            var note = $"Extends {experiment.Extends}; its values are merged into the keys below.";
            emitter.Emit(new Comment(note, false));
        }

        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
        EmitProperties(emitter, experiment);
        emitter.Emit(new MappingEnd());

        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void EmitProperties(IEmitter emitter, object target)
    {
        foreach (var property in SettingSchema.PropertiesOf(target.GetType()))
        {
            if (target is Experiment && property.Property.Name == nameof(Experiment.Extends))
                continue;

            EmitText(emitter, property.Key);
            var value = property.GetValue(target);
            switch (property.Kind)
            {
                case SettingKind.Section when value is not null:
                    EmitSection(emitter, value, null);
                    break;
                case SettingKind.Component:
                    var options = (ComponentOptions)value!;
                    EmitSection(emitter, options, options.Settings);
                    break;
                case SettingKind.Dictionary when value is not null:
                    EmitDictionary(emitter, (IDictionary)value);
                    break;
                default:
                    EmitValue(emitter, value);
                    break;
            }
        }
    }

    private static void EmitSection(IEmitter emitter, object section, object? settings)
    {
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
        EmitProperties(emitter, section);
        if (settings is not null)
            EmitProperties(emitter, settings);
        emitter.Emit(new MappingEnd());
    }

    private static void EmitDictionary(IEmitter emitter, IDictionary dictionary)
    {
        var style = dictionary.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, style));
        foreach (DictionaryEntry entry in dictionary)
        {
            EmitText(emitter, (string)entry.Key);
            EmitValue(emitter, entry.Value);
        }
        emitter.Emit(new MappingEnd());
    }

    private static void EmitValue(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case null:
                EmitPlain(emitter, "null");
                break;
            case string text:
                EmitText(emitter, text);
                break;
            case double or float:
                EmitPlain(emitter, ScalarText.FloatingYaml(value));
                break;
            case IEnumerable items:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow));
                foreach (var item in items)
                    EmitValue(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            default:
                EmitPlain(emitter, ScalarText.Invariant(value));
                break;
        }
    }

    private static void EmitText(IEmitter emitter, string text)
    {
        // Text that would read back as null, a bool or a number is quoted; the emitter quotes YAML syntax itself.
        var style = ScalarResolver.NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
    }

    private static void EmitPlain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, false));
}
