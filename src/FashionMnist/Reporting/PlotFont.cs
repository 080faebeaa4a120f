using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace FashionMnist.Reporting;

/// <summary>
/// The TrueType font that plots draw their text with, or no font, in which case plots are drawn without text.
/// </summary>
/// <remarks>
/// SkiaSharp's NoDependencies native build for Linux has no fontconfig, so its default typeface has no glyphs and
/// text would come out blank. The font is therefore loaded from a file: <see cref="Find"/> looks at the
/// <c>FMNIST_PLOT_FONT</c> environment variable, then at DejaVu Sans and Liberation Sans in the usual Linux,
/// macOS and Windows places, then at any .ttf file under /usr/share/fonts. On Debian and Ubuntu the package
/// <c>fonts-dejavu-core</c> installs /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf.
/// </remarks>
public sealed class PlotFont
{
    /// <summary>Environment variable that names a .ttf or .otf file to use before the built-in search.</summary>
    public const string EnvironmentVariable = "FMNIST_PLOT_FONT";

    private static readonly Lazy<PlotFont> DefaultFont = new(() => Find(NullLogger.Instance));

    private PlotFont(SKTypeface? typeface, string? path)
    {
        Typeface = typeface;
        Path = path;
    }

    /// <summary>No font: plots keep their layout but draw no text.</summary>
    public static PlotFont None { get; } = new(null, null);

    /// <summary>The result of <see cref="Find"/>, searched once per process without logging.</summary>
    public static PlotFont Default => DefaultFont.Value;

    /// <summary>The loaded typeface, null for <see cref="None"/>.</summary>
    public SKTypeface? Typeface { get; }

    /// <summary>The font file, null for <see cref="None"/>.</summary>
    public string? Path { get; }

    /// <summary>True when text can be drawn.</summary>
    public bool HasText => Typeface is not null;

    /// <summary>The message that explains a missing font, for the command line to show.</summary>
    public static string MissingFontMessage =>
        "No TrueType font was found, so plots are drawn without text (titles, labels, legends and numbers). " +
        "Install DejaVu Sans (Debian and Ubuntu: apt-get install fonts-dejavu-core) or set " +
        $"{EnvironmentVariable} to the path of a .ttf file.";

    /// <summary>
    /// Loads the font in <paramref name="path"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a font that SkiaSharp can read.</exception>
    public static PlotFont FromFile(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"Font file '{path}' was not found. Give the path of a .ttf file, for example " +
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf from the fonts-dejavu-core package.", path);

        var typeface = SKTypeface.FromFile(path);
        if (typeface is null || typeface.GlyphCount == 0)
        {
            typeface?.Dispose();
            throw new InvalidDataException(
                $"'{path}' is not a font file that SkiaSharp can read. Give the path of a .ttf or .otf file.");
        }
        return new PlotFont(typeface, path);
    }

    /// <summary>
    /// Searches for a font as described on <see cref="PlotFont"/> and returns the first one that loads, or
    /// <see cref="None"/> after logging a warning with <see cref="MissingFontMessage"/>.
    /// </summary>
    public static PlotFont Find(ILogger logger) =>
        Find(CandidatePaths(Environment.GetEnvironmentVariable(EnvironmentVariable)), ["/usr/share/fonts"], logger);

    /// <summary>Tries each file in <paramref name="candidates"/>, then every .ttf file under the folders in
    /// <paramref name="searchFolders"/>.</summary>
    internal static PlotFont Find(IEnumerable<string> candidates, IEnumerable<string> searchFolders, ILogger logger)
    {
        foreach (var path in candidates.Concat(searchFolders.SelectMany(EnumerateTrueTypeFiles)))
        {
            var font = TryLoad(path, logger);
            if (font is not null)
            {
                logger.LogDebug("Plots use the font {FontPath}", path);
                return font;
            }
        }

        logger.LogWarning("{Message}", MissingFontMessage);
        return None;
    }

    private static PlotFont? TryLoad(string path, ILogger logger)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return FromFile(path);
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning("Skipped font candidate {FontPath}: {Reason}", path, e.Message);
            return null;
        }
    }

    private static IEnumerable<string> CandidatePaths(string? fromEnvironment)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            yield return fromEnvironment;

        yield return "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        yield return "/usr/share/fonts/dejavu/DejaVuSans.ttf";
        yield return "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf";
        yield return "/usr/share/fonts/TTF/DejaVuSans.ttf";
        yield return "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf";
        yield return "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf";
        yield return "/Library/Fonts/Arial.ttf";
        yield return "/System/Library/Fonts/Supplemental/Arial.ttf";
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (!string.IsNullOrEmpty(windows))
            yield return System.IO.Path.Combine(windows, "arial.ttf");
    }

    private static IEnumerable<string> EnumerateTrueTypeFiles(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        try
        {
            // Sorted so that the same machine always picks the same fallback font.
            return Directory.EnumerateFiles(folder, "*.ttf", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }
}
