namespace ActorRecorder.Http;

/// <summary>A route pattern: literal segments, <c>:name</c> for one segment, and a last <c>*name</c> for the rest of the path.</summary>
public sealed class RoutePattern
{
    private readonly string[] _segments;

    private RoutePattern(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
        _parameters = segments.Count(s => s[0] is ':' or '*');
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">It does not start with '/', has an empty parameter name, a '*' segment before the last, or a name twice.</exception>
    public static RoutePattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.StartsWith('/')) throw new ArgumentException($"Route pattern '{pattern}' must start with '/'.", nameof(pattern));
        var segments = Split(pattern);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment[0] is not (':' or '*')) continue;
            var name = segment[1..];
            if (name.Length == 0) throw new ArgumentException($"Route pattern '{pattern}': segment {i + 1} ('{segment}') needs a parameter name.", nameof(pattern));
            if (segment[0] == '*' && i != segments.Length - 1)
                throw new ArgumentException($"Route pattern '{pattern}': '{segment}' takes the rest of the path, so it must be the last segment.", nameof(pattern));
            if (!names.Add(name)) throw new ArgumentException($"Route pattern '{pattern}': parameter '{name}' appears twice.", nameof(pattern));
        }
        return new RoutePattern(pattern, segments);
    }

    /// <summary>The parameters when <paramref name="path"/> matches, otherwise null.</summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        var parts = Split(path);
        if (_parameters == 0) return Literal(parts) ? NoValues : null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment[0] == '*')
            {
                values[segment[1..]] = string.Join('/', parts.Skip(i).Select(Uri.UnescapeDataString));
                return values;
            }
            if (i >= parts.Length) return null;
            if (segment[0] == ':') values[segment[1..]] = Uri.UnescapeDataString(parts[i]);
            else if (!string.Equals(segment, parts[i], StringComparison.Ordinal)) return null;
        }
        return parts.Length == _segments.Length ? values : null;
    }

    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    private readonly int _parameters;

    private bool Literal(string[] parts) =>
        parts.Length == _segments.Length && parts.AsSpan().SequenceEqual(_segments);

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <inheritdoc />
    public override string ToString() => Text;
}
