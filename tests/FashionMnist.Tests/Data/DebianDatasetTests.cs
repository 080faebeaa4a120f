using FashionMnist.Data;
using FashionMnist.Experiments;

namespace FashionMnist.Tests.Data;

/// <summary>Runs only where Debian's package dataset-fashion-mnist is installed.</summary>
public sealed class DebianDataFactAttribute : FactAttribute
{
    public DebianDataFactAttribute()
    {
        if (!OfficialFiles.All.All(file => File.Exists(Path.Combine(DatasetLocator.DebianDirectory, file.GzipName))))
        {
            Skip = $"The Fashion-MNIST files are not in {DatasetLocator.DebianDirectory}; "
                + "install them with: sudo apt-get install dataset-fashion-mnist";
        }
    }
}

public sealed class DebianDatasetTests
{
    [DebianDataFact]
    public void ReadsAndVerifiesDebianFiles()
    {
        var reader = new IdxDatasetReader(new DatasetLocator(_ => null, [DatasetLocator.DebianDirectory]));

        var dataset = reader.Read(new DataOptions());

        Assert.Equal(60000, dataset.Train.Count);
        Assert.Equal(10000, dataset.Test.Count);
        Assert.Equal(OfficialFiles.All.Select(file => file.ContentMd5), dataset.Files.Select(file => file.Md5));
        Assert.All(dataset.Files, file => Assert.True(file.Verified, file.Path));
        Assert.Equal(Enumerable.Repeat(6000, 10), dataset.Train.Labels.CountBy(l => l).OrderBy(p => p.Key)
            .Select(p => p.Value));
    }
}
