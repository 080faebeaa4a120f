using FashionMnist.Experiments;
using FashionMnist.Hosting;

namespace FashionMnist.Data;

/// <summary>Reads the training and test images of one file format, named by <c>data.format</c>.</summary>
public interface IDatasetReader : IComponent
{
    /// <summary>
    /// Reads both sets. Throws <see cref="DataException"/> for any problem with the files, naming the file,
    /// the record, the bad value and the fix.
    /// </summary>
    Dataset Read(DataOptions options, CancellationToken cancellationToken = default);
}
