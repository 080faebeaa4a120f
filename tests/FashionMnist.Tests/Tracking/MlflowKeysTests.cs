using FashionMnist.Tracking.Mlflow;

namespace FashionMnist.Tests.Tracking;

public sealed class MlflowKeysTests
{
    [Theory]
    [InlineData("train/loss.v2-a_b c:d")]
    [InlineData("dev_accuracy")]
    [InlineData("optimizer.lr")]
    [InlineData("точность")]
    public void Validate_KeyTheServerAccepts_IsValid(string key)
    {
        Assert.Null(MlflowKeys.Validate(key));
    }

    [Theory]
    [InlineData("loss@epoch!", "contains '@'")]
    [InlineData("bad*key", "contains '*'")]
    [InlineData("../loss", "would read as '../loss'")]
    [InlineData("/loss", "would read as '/loss'")]
    [InlineData("a//b", "would read as 'a/b'")]
    [InlineData("a/./b", "would read as 'a/b'")]
    [InlineData("a/", "would read as 'a'")]
    [InlineData("..x", "no leading '..'")]
    [InlineData("", "would read as '.'")]
    public void Validate_KeyTheServerRejects_SaysWhy(string key, string reason)
    {
        Assert.Contains(reason, MlflowKeys.Validate(key));
    }

    [Fact]
    public void Validate_Length_AllowsExactly250()
    {
        Assert.Null(MlflowKeys.Validate(new string('k', 250)));
        Assert.Contains("251 characters", MlflowKeys.Validate(new string('k', 251)));
    }

    [Theory]
    [InlineData("loss@epoch!", "loss_epoch_")]
    [InlineData("../loss", "__/loss")]
    [InlineData("/a//b/./c/", "a/b/c")]
    [InlineData("..x", "__x")]
    [InlineData("", "_")]
    [InlineData("model.layers[0]", "model.layers_0_")]
    public void Sanitize_InvalidKey_ReturnsValidKey(string key, string expected)
    {
        var sanitized = MlflowKeys.Sanitize(key);

        Assert.Equal(expected, sanitized);
        Assert.True(MlflowKeys.IsValid(sanitized));
    }

    [Fact]
    public void Sanitize_LongKey_CutsTo250()
    {
        var sanitized = MlflowKeys.Sanitize(new string('k', 300));

        Assert.Equal(250, sanitized.Length);
    }

    [Fact]
    public void Sanitize_ValidKey_Unchanged()
    {
        Assert.Equal("train/loss", MlflowKeys.Sanitize("train/loss"));
    }

    [Fact]
    public void Truncate_LongValue_EndsWithMarkerAtLimit()
    {
        var value = new string('x', 7000);

        var truncated = MlflowKeys.Truncate(value, MlflowKeys.MaxParamValueLength);

        Assert.Equal(6000, truncated.Length);
        Assert.EndsWith(MlflowKeys.TruncationMarker, truncated);
    }

    [Fact]
    public void Truncate_ValueAtLimit_Unchanged()
    {
        var value = new string('x', 6000);

        Assert.Same(value, MlflowKeys.Truncate(value, MlflowKeys.MaxParamValueLength));
    }

    // Expected values are those of Python's posixpath.normpath.
    [Theory]
    [InlineData("", ".")]
    [InlineData("a/b", "a/b")]
    [InlineData("a//b/", "a/b")]
    [InlineData("/a/../..", "/")]
    [InlineData("../a/../b", "../b")]
    [InlineData("//a", "//a")]
    [InlineData("///a", "/a")]
    [InlineData("a/./b/..", "a")]
    public void NormalizePosixPath_MatchesPython(string path, string expected)
    {
        Assert.Equal(expected, MlflowKeys.NormalizePosixPath(path));
    }
}
