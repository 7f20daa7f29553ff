namespace ActorRecorder.Actors;

/// <summary>
/// Rules for actor names: the characters an URI path segment allows (letters, digits,
/// <c>-_.*+:@&amp;=,!~';</c> and <c>%XX</c> escapes); <c>$</c> is allowed except as the first
/// character, which is reserved for names the system generates.
/// </summary>
public static class ActorName
{
    /// <summary>Throws <see cref="InvalidActorNameException"/> when <paramref name="name"/> is not a valid user-given name.</summary>
    public static void Validate(string? name)
    {
        var problem = FindProblem(name);
        if (problem is not null) throw new InvalidActorNameException(name, problem);
    }

    /// <summary>True when <paramref name="name"/> is a valid user-given actor name.</summary>
    public static bool IsValid(string? name) => FindProblem(name) is null;

    private static string? FindProblem(string? name)
    {
        if (name is null) return "the name is null";
        if (name.Length == 0) return "the name is empty";
        if (name[0] == '$') return "names starting with '$' are reserved for system-generated names";
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterOrDigit(c) || "-_.*+:@&=,!~';$".Contains(c)) continue;
            if (c == '%' && i + 2 < name.Length && char.IsAsciiHexDigit(name[i + 1]) && char.IsAsciiHexDigit(name[i + 2]))
            {
                i += 2;
                continue;
            }
            return $"character '{c}' at index {i} is not allowed (use letters, digits, -_.*+:@&=,!~'; or %XX escapes)";
        }
        return null;
    }
}
