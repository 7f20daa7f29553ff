using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Getters;

public sealed class ListGetterTests
{
    [Fact]
    public void GetStringList_converts_simple_elements_to_strings()
    {
        Assert.Equal(["a", "b c", "1", "true"], TestConfig.Parse("l = [a, b c, 1, true]").GetStringList("l"));
    }

    [Fact]
    public void GetIntList_converts_numbers_and_numeric_strings()
    {
        Assert.Equal([1, 2, 3], TestConfig.Parse("l = [1, \"2\", 3.0]").GetIntList("l"));
    }

    [Fact]
    public void An_object_with_integer_keys_reads_as_a_list_in_key_order()
    {
        var config = TestConfig.Parse("l { \"2\" = c, \"0\" = a, \"1\" = b, name = ignored }\nn { \"10\" = 3, \"9\" = 2 }");

        Assert.Equal(["a", "b", "c"], config.GetStringList("l"));
        Assert.Equal([2, 3], config.GetIntList("n"));
        Assert.Equal(HoconValueType.Object, config.GetValue("l").Type);
    }

    [Fact]
    public void An_object_without_integer_keys_is_not_a_list()
    {
        var error = Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse("l { a = 1 }").GetStringList("l"));

        Assert.Equal("list", error.ExpectedType);
        Assert.Contains("integer keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elements_of_the_wrong_type_name_their_index()
    {
        var error = Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse("l = [1, x]").GetIntList("l"));

        Assert.Equal("l[1]", error.Path);
        Assert.Equal("int", error.ExpectedType);
        Assert.Equal("string \"x\"", error.ActualValue);
    }

    [Fact]
    public void A_scalar_is_not_a_list()
    {
        Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse("l = abc").GetStringList("l"));
        Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse("l = [[1]]").GetStringList("l"));
    }
}
