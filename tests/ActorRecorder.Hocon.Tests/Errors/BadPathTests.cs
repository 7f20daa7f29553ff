using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Errors;

public sealed class BadPathTests
{
    private static readonly Config Values = TestConfig.Parse("a { b = 1 }");

    [Theory]
    [InlineData("a..b")]
    [InlineData("")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a.\"b")]
    [InlineData("a.${b}")]
    [InlineData("a[0]")]
    [InlineData("a = b")]
    public void Invalid_path_expressions_are_config_errors(string path)
    {
        var error = Assert.Throws<ConfigBadPathException>(() => Values.GetString(path));

        Assert.Equal(path, error.PathExpression);
        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigBadPathException>(() => Values.HasPath(path));
        Assert.Throws<ConfigBadPathException>(() => Values.GetInt(path, 0));
    }
}
