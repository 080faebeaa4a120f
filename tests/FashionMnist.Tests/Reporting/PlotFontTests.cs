using FashionMnist.Reporting;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tests.Reporting;

public class PlotFontTests
{
    /// <summary>Fonts found on this machine, empty where none is installed.</summary>
    internal static readonly string[] InstalledFonts =
        new[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" }.Where(File.Exists).ToArray();

    [Fact]
    public void FromFile_MissingFileNamed()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PlotFont.FromFile("/no/such/font.ttf"));

        Assert.Contains("/no/such/font.ttf", error.Message);
        Assert.Contains("fonts-dejavu-core", error.Message);
    }

    [Fact]
    public void FromFile_NotAFontRejected()
    {
        using var folder = new TempFolder();
        var path = folder.File("fake.ttf");
        File.WriteAllText(path, "not a font");

        var error = Assert.Throws<InvalidDataException>(() => PlotFont.FromFile(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Find_NoFontWarnsAndDisablesText()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("broken.ttf"), "not a font");
        var logger = new ListLogger();

        var font = PlotFont.Find([folder.File("absent.ttf")], [folder.Path], logger);

        Assert.Same(PlotFont.None, font);
        Assert.False(font.HasText);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("fonts-dejavu-core"));
    }

    [Fact]
    public void Find_FirstLoadableCandidate()
    {
        if (InstalledFonts.Length == 0)
            return; // Needs fonts-dejavu-core; the no-font path is covered above.
        using var folder = new TempFolder();

        var font = PlotFont.Find([folder.File("absent.ttf"), InstalledFonts[0]], [], new ListLogger());

        Assert.True(font.HasText);
        Assert.Equal(InstalledFonts[0], font.Path);
    }

    [Fact]
    public void Find_SearchesFolders()
    {
        if (InstalledFonts.Length == 0)
            return; // Needs fonts-dejavu-core; the no-font path is covered above.
        using var folder = new TempFolder();
        var copy = folder.File("sub/DejaVuSans.ttf");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(InstalledFonts[0], copy);

        var font = PlotFont.Find([], [folder.Path], new ListLogger());

        Assert.Equal(copy, font.Path);
    }
}
