using Spectre.Console;

namespace FashionMnist.Cli.Commands;

/// <summary>Checks the form of <c>--set KEY=VALUE</c> options before an experiment is loaded.</summary>
internal static class OverrideSyntax
{
    /// <summary>
    /// Returns an error for the first item without <c>=</c> or, when <paramref name="section"/> is set, for the
    /// first key outside that section (such as <c>data</c>).
    /// </summary>
    public static ValidationResult Check(IEnumerable<string> overrides, string example, string? section = null)
    {
        foreach (var item in overrides)
        {
            var separator = item.IndexOf('=');
            if (separator <= 0)
                return ValidationResult.Error($"--set {item}: expected KEY=VALUE, e.g. --set {example}.");

            var key = item[..separator].Trim();
            if (section is not null && !key.StartsWith(section + ".", StringComparison.Ordinal))
            {
                return ValidationResult.Error(
                    $"--set {item}: only {section}.* keys can be changed here, e.g. --set {example}; "
                    + "the model and training settings are those the run was trained with.");
            }
        }
        return ValidationResult.Success();
    }
}
