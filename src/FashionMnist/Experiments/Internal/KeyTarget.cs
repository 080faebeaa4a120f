using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Experiments.Internal;

/// <summary>What a dotted key such as <c>optimizer.lr</c> or <c>tracking.tags.team</c> refers to.</summary>
/// <param name="Segments">The path in the YAML tree; a dictionary key with dots in it is one segment.</param>
/// <param name="Kind">Value for a single setting or dictionary entry; otherwise the kind of section.</param>
/// <param name="ValueType">The CLR type a value must convert to.</param>
/// <param name="IsUnchecked">True below a component whose name is not registered, where no keys can be checked.</param>
internal sealed record KeyTarget(
    IReadOnlyList<string> Segments,
    SettingKind Kind,
    Type ValueType,
    bool AllowsNull,
    IReadOnlyList<ValidationAttribute> Attributes,
    bool IsUnchecked = false);
