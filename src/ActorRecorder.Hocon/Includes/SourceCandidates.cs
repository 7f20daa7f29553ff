namespace ActorRecorder.Hocon.Includes;

/// <summary>Which names an include or load tries, and in which syntax each is read.</summary>
internal static class SourceCandidates
{
    /// <summary>
    /// The names to try for an include, in merge order. A known extension is used as is; without
    /// one, the .properties, .json and .conf variants are all loaded, later ones winning, as the
    /// spec says. A name with some other extension is used as HOCON if it exists.
    /// </summary>
    public static List<(string Name, SourceSyntax Syntax)> For(string name, Func<string, bool> exists)
    {
        if (SyntaxOf(name) is { } known)
        {
            return [(name, known)];
        }

        if (Path.HasExtension(name) && exists(name))
        {
            return [(name, SourceSyntax.Hocon)];
        }

        return [(name + ".properties", SourceSyntax.Properties), (name + ".json", SourceSyntax.Json), (name + ".conf", SourceSyntax.Hocon)];
    }

    public static SourceSyntax? SyntaxOf(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Equals(".conf", StringComparison.OrdinalIgnoreCase))
        {
            return SourceSyntax.Hocon;
        }

        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return SourceSyntax.Json;
        }

        return extension.Equals(".properties", StringComparison.OrdinalIgnoreCase) ? SourceSyntax.Properties : null;
    }
}
