using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Errors;

public sealed class SourceErrorTests
{
    [Fact]
    public void A_missing_file_is_a_source_error_naming_it()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "absent.conf");

        var error = Assert.Throws<ConfigSourceException>(() => ConfigurationFactory.ParseFile(path));

        Assert.Equal(path, error.SourceName);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_path_with_invalid_characters_is_a_source_error()
    {
        Assert.Throws<ConfigSourceException>(() => ConfigurationFactory.ParseFile("bad\0name.conf"));
    }
}
