using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Loader;

/// <summary>Durations and sizes stay text, so Akka's own GetTimeSpan and GetByteSize read them.</summary>
public sealed class DurationAndSizeTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("250 ms", 250)]
    [InlineData("1.5 minutes", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("500", 500)]
    [InlineData("\"3 seconds\"", 3_000)]
    public void Durations_read_through_GetTimeSpan(string written, double milliseconds)
    {
        var config = Loaded.Parse($"t = {written}");

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), config.GetTimeSpan("t"));
    }

    [Fact]
    public void Infinite_and_substituted_durations_read_through_GetTimeSpan()
    {
        var config = Loaded.Parse("base = 10s\nask-timeout = ${base}\nnever = infinite");

        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("ask-timeout"));
        Assert.Equal("10s", Loaded.Literal(config, "ask-timeout"));
        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetTimeSpan("never"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("absent", TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("64KiB", 65_536)]
    [InlineData("512k", 524_288)]
    [InlineData("10 MiB", 10_485_760)]
    [InlineData("2MB", 2_000_000)]
    [InlineData("1G", 1_073_741_824)]
    [InlineData("128b", 128)]
    [InlineData("4096", 4_096)]
    public void Sizes_read_through_GetByteSize(string written, long bytes)
    {
        var config = Loaded.Parse($"size = {written}");

        Assert.Equal(bytes, config.GetByteSize("size"));
    }

    [Fact]
    public void A_size_keeps_its_original_text()
    {
        var config = Loaded.Parse("unit = KiB\nbuffer = 64${unit}");

        Assert.Equal("64KiB", Loaded.Literal(config, "buffer"));
        Assert.Equal(65_536, config.GetByteSize("buffer"));
    }
}
