using FashionMnist.Data;

namespace FashionMnist.Tests.Data;

internal static class DataAssert
{
    public static void SameImages(ImageSet expected, ImageSet actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Pixels, actual.Pixels);
    }

    /// <summary>Asserts that <paramref name="action"/> throws a DataException whose message has every part.</summary>
    public static DataException Fails(Action action, params string[] messageParts)
    {
        var exception = Assert.Throws<DataException>(action);
        foreach (var part in messageParts)
            Assert.True(exception.Message.Contains(part, StringComparison.Ordinal),
                $"Expected '{part}' in the message: {exception.Message}");
        return exception;
    }
}
