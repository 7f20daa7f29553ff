using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Getters;

public sealed class DurationGetterTests
{
    [Theory]
    [InlineData("ns", 2)]
    [InlineData("nano", 2)]
    [InlineData("nanos", 2)]
    [InlineData("nanosecond", 2)]
    [InlineData("nanoseconds", 2)]
    [InlineData("us", 2_000)]
    [InlineData("micro", 2_000)]
    [InlineData("micros", 2_000)]
    [InlineData("microsecond", 2_000)]
    [InlineData("microseconds", 2_000)]
    [InlineData("ms", 2_000_000)]
    [InlineData("milli", 2_000_000)]
    [InlineData("millis", 2_000_000)]
    [InlineData("millisecond", 2_000_000)]
    [InlineData("milliseconds", 2_000_000)]
    [InlineData("s", 2_000_000_000)]
    [InlineData("second", 2_000_000_000)]
    [InlineData("seconds", 2_000_000_000)]
    [InlineData("m", 120_000_000_000)]
    [InlineData("minute", 120_000_000_000)]
    [InlineData("minutes", 120_000_000_000)]
    [InlineData("h", 7_200_000_000_000)]
    [InlineData("hour", 7_200_000_000_000)]
    [InlineData("hours", 7_200_000_000_000)]
    [InlineData("d", 172_800_000_000_000)]
    [InlineData("day", 172_800_000_000_000)]
    [InlineData("days", 172_800_000_000_000)]
    public void Every_duration_unit_is_understood(string unit, long nanosecondsForTwo)
    {
        // 2000 of each unit, so that even nanoseconds add up to whole 100 ns ticks.
        var expected = TimeSpan.FromTicks(nanosecondsForTwo * 1000 / 100);

        Assert.Equal(expected, TestConfig.Parse($"t = 2000{unit}").GetTimeSpan("t"));
        Assert.Equal(expected, TestConfig.Parse($"t = 2000 {unit}").GetTimeSpan("t"));
        Assert.Equal(expected, TestConfig.Parse($"t = \" 2000 {unit} \"").GetTimeSpan("t"));
    }

    [Fact]
    public void A_bare_number_is_milliseconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), TestConfig.Parse("t = 250").GetTimeSpan("t"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), TestConfig.Parse("t = \"250\"").GetTimeSpan("t"));
        Assert.Equal(TimeSpan.FromTicks(15_000), TestConfig.Parse("t = 1.5").GetTimeSpan("t"));
    }

    [Fact]
    public void Fractions_and_negative_durations_are_allowed()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), TestConfig.Parse("t = 1.5s").GetTimeSpan("t"));
        Assert.Equal(TimeSpan.FromSeconds(-3), TestConfig.Parse("t = -3 seconds").GetTimeSpan("t"));
    }

    [Fact]
    public void Infinite_is_the_infinite_timeout()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, TestConfig.Parse("t = infinite").GetTimeSpan("t"));
    }

    [Theory]
    [InlineData("10 fortnights", "'fortnights' is not a duration unit")]
    [InlineData("10MS", "'MS' is not a duration unit")]
    [InlineData("ten seconds", "does not start with a number")]
    [InlineData("10 s x", "is not a unit name")]
    [InlineData("100000000000 days", "too large")]
    [InlineData("[1]", "not a number or a string")]
    public void Invalid_durations_are_wrong_type_errors(string written, string detail)
    {
        var error = Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse("t = " + written).GetTimeSpan("t"));

        Assert.Equal("duration", error.ExpectedType);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }
}
