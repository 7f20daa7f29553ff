using System.Globalization;
using System.Text;
using Akka.Configuration;

namespace ActorRecorder.Hosting;

/// <summary>HOCON written from code, one <c>path = value</c> line per setting, for options that go into the builder's config.</summary>
internal sealed class HoconText
{
    private readonly StringBuilder _text = new();

    /// <summary>A duration in milliseconds, fractions kept: Akka's <c>GetTimeSpan</c> reads <c>1.5ms</c>.</summary>
    public void Duration(string path, TimeSpan value) =>
        Line(path, value.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture) + "ms");

    public void Int(string path, long value) => Line(path, value.ToString(CultureInfo.InvariantCulture));

    public void Bool(string path, bool value) => Line(path, value ? "on" : "off");

    /// <summary>A quoted string, with JSON's escapes (HOCON's quoted strings are JSON's).</summary>
    public void String(string path, string value) => Line(path, Hocon.HoconLoader.Quote(value));

    /// <summary>A list of quoted strings.</summary>
    public void StringList(string path, IEnumerable<string> values) =>
        Line(path, "[" + string.Join(", ", values.Select(Hocon.HoconLoader.Quote)) + "]");

    /// <summary>An unquoted word such as <c>unbounded</c> or <c>append</c>.</summary>
    public void Word(string path, string value) => Line(path, value);

    /// <summary>The text parsed by the project's conformant loader into Akka's <see cref="Config"/>; <paramref name="origin"/> names it in errors.</summary>
    public Config ToConfig(string origin) => Hocon.HoconLoader.ParseString(_text.ToString(), Hocon.HoconParseOptions.Default, origin);

    public bool IsEmpty => _text.Length == 0;

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    private void Line(string path, string value) => _text.Append(path).Append(" = ").AppendLine(value);
}
