using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Getters;

public sealed class ByteSizeGetterTests
{
    public static TheoryData<string, long> Units()
    {
        var data = new TheoryData<string, long>
        {
            { "B", 1 }, { "b", 1 }, { "byte", 1 }, { "bytes", 1 },
            { "kB", 1000 }, { "KB", 1000 }, { "kilobyte", 1000 }, { "kilobytes", 1000 },
            { "K", 1024 }, { "k", 1024 }, { "Ki", 1024 }, { "KiB", 1024 }, { "kibibyte", 1024 }, { "kibibytes", 1024 },
        };
        (string Decimal, string Binary, string DecimalName, string BinaryName)[] larger =
        [
            ("MB", "M", "mega", "mebi"),
            ("GB", "G", "giga", "gibi"),
            ("TB", "T", "tera", "tebi"),
            ("PB", "P", "peta", "pebi"),
            ("EB", "E", "exa", "exbi"),
        ];
        long powerOfTen = 1000;
        long powerOfTwo = 1024;
        foreach (var (decimalUnit, binary, decimalName, binaryName) in larger)
        {
            powerOfTen *= 1000;
            powerOfTwo *= 1024;
            data.Add(decimalUnit, powerOfTen);
            data.Add(decimalName + "byte", powerOfTen);
            data.Add(decimalName + "bytes", powerOfTen);
            data.Add(binary, powerOfTwo);
            data.Add(binary.ToLowerInvariant(), powerOfTwo);
            data.Add(binary + "i", powerOfTwo);
            data.Add(binary + "iB", powerOfTwo);
            data.Add(binaryName + "byte", powerOfTwo);
            data.Add(binaryName + "bytes", powerOfTwo);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Every_size_unit_is_understood(string unit, long bytes)
    {
        Assert.Equal(bytes, TestConfig.Parse($"s = 1{unit}").GetByteSize("s"));
        Assert.Equal(bytes, TestConfig.Parse($"s = \"1 {unit}\"").GetByteSize("s"));
    }

    [Fact]
    public void A_bare_number_is_bytes()
    {
        Assert.Equal(512, TestConfig.Parse("s = 512").GetByteSize("s"));
        Assert.Equal(512, TestConfig.Parse("s = \"512\"").GetByteSize("s"));
    }

    [Fact]
    public void Fractions_are_multiplied_out()
    {
        Assert.Equal(1536, TestConfig.Parse("s = 1.5K").GetByteSize("s"));
        Assert.Equal(10 * 1024 * 1024, TestConfig.Parse("s = 10 MiB").GetByteSize("s"));
    }

    [Theory]
    [InlineData("1 ZB", "64-bit")]
    [InlineData("1Y", "64-bit")]
    [InlineData("16E", "64-bit")]
    [InlineData("1 KIB", "'KIB' is not a size unit")]
    [InlineData("1 mb", "'mb' is not a size unit")]
    [InlineData("lots", "does not start with a number")]
    public void Invalid_sizes_are_wrong_type_errors(string written, string detail)
    {
        var error = Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse($"s = \"{written}\"").GetByteSize("s"));

        Assert.Equal("size in bytes", error.ExpectedType);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }
}
