namespace ActorRecorder.Hocon.Reading;

/// <summary>
/// Reads sizes in bytes per the spec's size format: bare numbers are bytes; powers of ten
/// (kB, MB, ... and their long forms) and powers of two (K/Ki/KiB, M/Mi/MiB, ...). Unit names are
/// case-sensitive, except that single letters may be either case; <c>KB</c> is accepted as 1000.
/// </summary>
internal static class ByteSizeParser
{
    private static readonly (string[] Names, decimal Bytes)[] Units = BuildUnits();

    /// <summary>Returns an explanation of what is wrong, or null on success.</summary>
    public static string? TryRead(HoconValue value, out long bytes)
    {
        bytes = 0;
        decimal amount;
        decimal multiplier = 1;
        switch (value)
        {
            case HoconNumber number:
                if (!decimal.TryParse(number.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out amount))
                {
                    return "the number is out of range";
                }

                break;
            case HoconString text:
                var problem = UnitAmount.TrySplit(text.Value, out amount, out var unit);
                if (problem is not null)
                {
                    return problem;
                }

                if (unit.Length > 0)
                {
                    var found = FindMultiplier(unit);
                    if (found is null)
                    {
                        return $"'{unit}' is not a size unit (use B, kB, K, KiB, MB, M, MiB, GB, G, GiB, ... or their long forms)";
                    }

                    multiplier = found.Value;
                }

                break;
            default:
                return "it is not a number or a string";
        }

        if (multiplier > 1 && Math.Abs(amount) > decimal.MaxValue / multiplier)
        {
            return "it does not fit in a 64-bit byte count";
        }

        var total = decimal.Truncate(amount * multiplier);
        if (total > long.MaxValue || total < long.MinValue)
        {
            return "it does not fit in a 64-bit byte count";
        }

        bytes = (long)total;
        return null;
    }

    private static decimal? FindMultiplier(string unit)
    {
        foreach (var (names, bytes) in Units)
        {
            if (Array.IndexOf(names, unit) >= 0)
            {
                return bytes;
            }
        }

        return null;
    }

    private static (string[] Names, decimal Bytes)[] BuildUnits()
    {
        // (decimal prefix, binary letter, decimal long name, binary long name)
        (string Decimal, char Binary, string DecimalName, string BinaryName)[] prefixes =
        [
            ("k", 'K', "kilo", "kibi"),
            ("M", 'M', "mega", "mebi"),
            ("G", 'G', "giga", "gibi"),
            ("T", 'T', "tera", "tebi"),
            ("P", 'P', "peta", "pebi"),
            ("E", 'E', "exa", "exbi"),
            ("Z", 'Z', "zetta", "zebi"),
            ("Y", 'Y', "yotta", "yobi"),
        ];
        var units = new List<(string[] Names, decimal Bytes)> { (["B", "b", "byte", "bytes"], 1m) };
        decimal powerOfTen = 1;
        decimal powerOfTwo = 1;
        foreach (var (decimalPrefix, binary, decimalName, binaryName) in prefixes)
        {
            powerOfTen *= 1000;
            powerOfTwo *= 1024;
            var upper = binary.ToString();
            var lower = char.ToLowerInvariant(binary).ToString();
            string[] decimalNames = decimalPrefix == "k"
                ? ["kB", "KB", "kilobyte", "kilobytes"]
                : [decimalPrefix + "B", decimalName + "byte", decimalName + "bytes"];
            units.Add((decimalNames, powerOfTen));
            units.Add(([upper, lower, upper + "i", upper + "iB", binaryName + "byte", binaryName + "bytes"], powerOfTwo));
        }

        return [.. units];
    }
}
