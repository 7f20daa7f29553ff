using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Getters;

public sealed class DefaultValueTests
{
    private static readonly Config Values = TestConfig.Parse("""
        present { s = text, i = 7, l = 8, d = 1.5, b = true, t = 2s, z = 1k, sl = [x], il = [1], c { k = v } }
        nulls { s = null, i = null, c = null }
        wrong = { }
        """);

    [Fact]
    public void Defaults_are_returned_for_missing_paths()
    {
        Assert.Equal("default", Values.GetString("absent", "default"));
        Assert.Null(Values.GetString("absent", null));
        Assert.Equal(-1, Values.GetInt("absent", -1));
        Assert.Equal(-2L, Values.GetLong("absent.deeper", -2L));
        Assert.Equal(0.5, Values.GetDouble("absent", 0.5));
        Assert.True(Values.GetBoolean("absent", true));
        Assert.Equal(TimeSpan.FromMinutes(1), Values.GetTimeSpan("absent", TimeSpan.FromMinutes(1)));
        Assert.Equal(99L, Values.GetByteSize("absent", 99L));
        Assert.Equal(["d"], Values.GetStringList("absent", ["d"]));
        Assert.Equal([9], Values.GetIntList("absent", [9]));
        Assert.Same(ConfigurationFactory.Empty, Values.GetConfig("absent", ConfigurationFactory.Empty));
    }

    [Fact]
    public void Defaults_are_returned_for_null_values()
    {
        Assert.Equal("default", Values.GetString("nulls.s", "default"));
        Assert.Equal(-1, Values.GetInt("nulls.i", -1));
        Assert.Same(ConfigurationFactory.Empty, Values.GetConfig("nulls.c", ConfigurationFactory.Empty));
    }

    [Fact]
    public void Present_values_win_over_defaults()
    {
        Assert.Equal("text", Values.GetString("present.s", "default"));
        Assert.Equal(7, Values.GetInt("present.i", -1));
        Assert.Equal(8L, Values.GetLong("present.l", -1L));
        Assert.Equal(1.5, Values.GetDouble("present.d", 0));
        Assert.True(Values.GetBoolean("present.b", false));
        Assert.Equal(TimeSpan.FromSeconds(2), Values.GetTimeSpan("present.t", TimeSpan.Zero));
        Assert.Equal(1024L, Values.GetByteSize("present.z", 0));
        Assert.Equal(["x"], Values.GetStringList("present.sl", []));
        Assert.Equal([1], Values.GetIntList("present.il", []));
        Assert.Equal("v", Values.GetConfig("present.c", ConfigurationFactory.Empty).GetString("k"));
    }

    [Fact]
    public void Defaults_do_not_hide_wrong_types()
    {
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetString("wrong", "default"));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetInt("present.s", 1));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetLong("present.d", 1));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetDouble("present.b", 1));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetBoolean("present.i", true));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetTimeSpan("present.s", TimeSpan.Zero));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetByteSize("present.s", 0));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetStringList("present.s", []));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetIntList("present.sl", []));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetConfig("present.s", ConfigurationFactory.Empty));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetInt("present.s.deeper", 1));
    }

    [Fact]
    public void Required_getters_report_missing_and_null_paths()
    {
        var missing = Assert.Throws<ConfigMissingException>(() => Values.GetInt("present.nope"));
        var isNull = Assert.Throws<ConfigMissingException>(() => Values.GetString("nulls.s"));

        Assert.Equal("present.nope", missing.Path);
        Assert.Contains("'present.nope'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("null", isNull.Message, StringComparison.Ordinal);
    }
}
