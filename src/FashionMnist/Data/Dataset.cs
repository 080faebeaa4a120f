namespace FashionMnist.Data;

/// <summary>The training and test images as read from disk, before the dev split.</summary>
public sealed record Dataset(ImageSet Train, ImageSet Test, IReadOnlyList<DataFile> Files);
