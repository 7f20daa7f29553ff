using System.Text.RegularExpressions;

namespace ActorRecorder.Server.Har;

/// <summary>Masks what matches the <c>--redact</c> patterns (tokens, passwords, personal data) before it is exported.</summary>
internal sealed class Redactor
{
    /// <summary>What a match becomes.</summary>
    public const string Mask = "***";

    // A pattern that backtracks without end must not hang the export: it fails with the pattern named instead.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);

    private readonly Regex[] _patterns;

    public Redactor(IEnumerable<string> patterns) => _patterns = patterns.Select(Create).ToArray();

    /// <summary>Null when <paramref name="pattern"/> is a valid .NET regular expression, else why not.</summary>
    public static string? Check(string pattern)
    {
        try
        {
            _ = Create(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary><paramref name="text"/> with every match of every pattern replaced by <see cref="Mask"/>.</summary>
    public string Apply(string text)
    {
        foreach (var pattern in _patterns) text = pattern.Replace(text, Mask);
        return text;
    }

    private static Regex Create(string pattern) => new(pattern, RegexOptions.CultureInvariant, MatchTimeout);
}
