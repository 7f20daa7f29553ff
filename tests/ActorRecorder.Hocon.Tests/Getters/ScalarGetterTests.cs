using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Getters;

public sealed class ScalarGetterTests
{
    private static readonly Config Values = TestConfig.Parse("""
        text = hello
        quoted = "with spaces"
        int = 42
        negative = -7
        whole-double = 3.0
        fraction = 2.5
        exponent = 1e3
        big = 9000000000
        int-text = "123"
        double-text = " 4.25 "
        yes = true
        no = false
        object { a = 1 }
        list = [1]
        """);

    [Fact]
    public void GetString_reads_strings_and_the_written_form_of_numbers_and_booleans()
    {
        Assert.Equal("hello", Values.GetString("text"));
        Assert.Equal("with spaces", Values.GetString("quoted"));
        Assert.Equal("2.5", Values.GetString("fraction"));
        Assert.Equal("1e3", Values.GetString("exponent"));
        Assert.Equal("true", Values.GetString("yes"));
    }

    [Fact]
    public void GetString_rejects_objects_and_arrays()
    {
        var error = Assert.Throws<ConfigWrongTypeException>(() => Values.GetString("object"));

        Assert.Equal("object", error.Path);
        Assert.Equal("string", error.ExpectedType);
        Assert.Equal("an object with keys [a]", error.ActualValue);
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetString("list"));
    }

    [Fact]
    public void GetInt_reads_whole_numbers_including_numeric_strings()
    {
        Assert.Equal(42, Values.GetInt("int"));
        Assert.Equal(-7, Values.GetInt("negative"));
        Assert.Equal(3, Values.GetInt("whole-double"));
        Assert.Equal(1000, Values.GetInt("exponent"));
        Assert.Equal(123, Values.GetInt("int-text"));
    }

    [Theory]
    [InlineData("fraction", "number 2.5")]
    [InlineData("big", "number 9000000000")]
    [InlineData("text", "string \"hello\"")]
    [InlineData("yes", "boolean true")]
    public void GetInt_rejects_values_that_are_not_32_bit_whole_numbers(string path, string actual)
    {
        var error = Assert.Throws<ConfigWrongTypeException>(() => Values.GetInt(path));

        Assert.Equal(path, error.Path);
        Assert.Equal("int", error.ExpectedType);
        Assert.Equal(actual, error.ActualValue);
        Assert.StartsWith($"Configuration path '{path}' has value {actual}, which cannot be read as int", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetLong_reads_64_bit_whole_numbers()
    {
        Assert.Equal(9_000_000_000L, Values.GetLong("big"));
        Assert.Equal(123L, Values.GetLong("int-text"));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetLong("fraction"));
        Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse("a = 99999999999999999999").GetLong("a"));
    }

    [Fact]
    public void GetDouble_reads_any_number_and_numeric_strings()
    {
        Assert.Equal(2.5, Values.GetDouble("fraction"));
        Assert.Equal(42.0, Values.GetDouble("int"));
        Assert.Equal(1000.0, Values.GetDouble("exponent"));
        Assert.Equal(4.25, Values.GetDouble("double-text"));
        Assert.Throws<ConfigWrongTypeException>(() => Values.GetDouble("text"));
        Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse("a = NaN").GetDouble("a"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("\"true\"", true)]
    [InlineData("YES", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("Off", false)]
    public void GetBoolean_accepts_the_six_boolean_words(string written, bool expected)
    {
        Assert.Equal(expected, TestConfig.Parse("flag = " + written).GetBoolean("flag"));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    [InlineData("{}")]
    public void GetBoolean_rejects_anything_else(string written)
    {
        var error = Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse("flag = " + written).GetBoolean("flag"));

        Assert.Equal("boolean", error.ExpectedType);
    }
}
