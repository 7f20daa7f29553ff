namespace ActorRecorder.Recording;

/// <summary>
/// The <c>ts</c> field: ISO 8601 in UTC with microseconds and a Z, e.g. <c>2026-01-20T15:30:45.123456Z</c>
/// (what Elixir's <c>DateTime.to_iso8601</c> gives for <c>DateTime.utc_now()</c>).
/// </summary>
/// <remarks>
/// Written digit by digit into the caller's buffer because <c>DateTime.ToString</c> with a custom
/// format allocates a string per entry, and the write path allocates nothing per entry. Parsing
/// accepts what Elixir's <c>DateTime.from_iso8601</c> accepts in practice: any number of fraction
/// digits (or none), 'T' or a space between date and time, and Z or a numeric offset, which is applied.
/// </remarks>
internal static class TimestampFormat
{
    /// <summary>The length of a written timestamp, without quotes.</summary>
    public const int Length = 27;

    /// <summary>Writes <paramref name="utc"/> (truncated to microseconds) as 27 ASCII bytes.</summary>
    public static void Write(DateTime utc, Span<byte> destination)
    {
        if (destination.Length < Length) throw new ArgumentException($"The destination needs {Length} bytes.", nameof(destination));
        utc.Deconstruct(out int year, out int month, out int day);
        var timeOfDay = utc.Ticks % TimeSpan.TicksPerDay;
        var hour = (int)(timeOfDay / TimeSpan.TicksPerHour);
        var minute = (int)(timeOfDay / TimeSpan.TicksPerMinute % 60);
        var second = (int)(timeOfDay / TimeSpan.TicksPerSecond % 60);
        var micro = (int)(timeOfDay % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond);

        Digits(destination[..4], year);
        destination[4] = (byte)'-';
        Digits(destination.Slice(5, 2), month);
        destination[7] = (byte)'-';
        Digits(destination.Slice(8, 2), day);
        destination[10] = (byte)'T';
        Digits(destination.Slice(11, 2), hour);
        destination[13] = (byte)':';
        Digits(destination.Slice(14, 2), minute);
        destination[16] = (byte)':';
        Digits(destination.Slice(17, 2), second);
        destination[19] = (byte)'.';
        Digits(destination.Slice(20, 6), micro);
        destination[26] = (byte)'Z';
    }

    /// <summary>The written form as a string (for messages and tests; allocates).</summary>
    public static string ToText(DateTime utc)
    {
        Span<byte> bytes = stackalloc byte[Length];
        Write(utc, bytes);
        return System.Text.Encoding.ASCII.GetString(bytes);
    }

    /// <summary>Parses an ISO 8601 date and time with an offset into a UTC <see cref="DateTime"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime utc)
    {
        utc = default;
        // yyyy-MM-ddTHH:mm:ss is 19 characters; an offset (at least "Z") must follow.
        if (text.Length < 20) return false;
        if (!Number(text[..4], out var year) || text[4] != '-' || !Number(text.Slice(5, 2), out var month) || text[7] != '-'
            || !Number(text.Slice(8, 2), out var day) || text[10] is not ('T' or 't' or ' ')
            || !Number(text.Slice(11, 2), out var hour) || text[13] != ':' || !Number(text.Slice(14, 2), out var minute)
            || text[16] != ':' || !Number(text.Slice(17, 2), out var second))
            return false;

        var rest = text[19..];
        long fractionTicks = 0;
        if (rest.Length > 0 && rest[0] is '.' or ',')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
            if (digits == 1) return false;
            // Ticks are 100 ns: the first 7 digits count, later ones are below the clock's resolution.
            var scale = TimeSpan.TicksPerSecond;
            for (var i = 1; i < digits && i <= 7; i++)
            {
                scale /= 10;
                fractionTicks += (rest[i] - '0') * scale;
            }
            rest = rest[digits..];
        }

        if (!Offset(rest, out var offset)) return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || year < 1
            || hour > 23 || minute > 59 || second > 59)
            return false;

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
        var ticks = local.Ticks - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool Offset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is ['Z' or 'z']) return true;
        if (text.Length == 0 || text[0] is not ('+' or '-')) return false;
        var negative = text[0] == '-';
        var body = text[1..];
        int hours, minutes = 0;
        switch (body.Length)
        {
            case 2 when Number(body, out hours):
                break;
            case 4 when Number(body[..2], out hours) && Number(body[2..], out minutes):
                break;
            case 5 when body[2] == ':' && Number(body[..2], out hours) && Number(body[3..], out minutes):
                break;
            default:
                return false;
        }
        if (hours > 23 || minutes > 59) return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (negative) offset = -offset;
        return true;
    }

    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
