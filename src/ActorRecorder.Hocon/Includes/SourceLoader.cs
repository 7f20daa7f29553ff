using System.Reflection;
using ActorRecorder.Hocon.Merging;
using ActorRecorder.Hocon.Parsing;

namespace ActorRecorder.Hocon.Includes;

/// <summary>
/// Reads configuration sources (text, files, embedded resources) and the sources they include,
/// guarding against include cycles. One loader serves one top-level parse.
/// </summary>
internal sealed class SourceLoader
{
    private const int MaxIncludeDepth = 50;

    private readonly HoconParseOptions _options;
    private readonly List<string> _openSources = [];

    public SourceLoader(HoconParseOptions options)
    {
        _options = options;
    }

    public HoconObject ParseText(string text, string origin, ConfigSource source)
        => Parser.ParseDocument(text, new ParseContext(origin, source, [], this));

    public HoconObject ParseFile(string path)
    {
        var fullPath = ConfigFiles.FullPath(path, path);
        var text = ConfigFiles.TryRead(fullPath, path)
            ?? throw new ConfigSourceException(path, $"Configuration file '{fullPath}' was not found");
        return ParseSource(text, fullPath, new ConfigSource.File(fullPath), SourceCandidates.SyntaxOf(fullPath) ?? SourceSyntax.Hocon, []);
    }

    public HoconObject ParseResource(Assembly assembly, string name)
    {
        return LoadResources(assembly, name, relativeTo: null, [], out var lookedFor)
            ?? throw new ConfigSourceException(name,
                $"Embedded resource '{name}' was not found in assembly '{assembly.GetName().Name}' (looked for {string.Join(", ", lookedFor)})");
    }

    /// <summary>Loads what an include statement names, or null when an optional include finds nothing.</summary>
    public HoconObject? LoadInclude(IncludeStatement statement, ConfigSource from, string[] includePoint)
    {
        List<string> lookedFor;
        HoconObject? included;
        switch (statement.Kind)
        {
            case IncludeKind.Url:
                throw Unsupported(statement);
            case IncludeKind.Classpath:
                var assembly = (from as ConfigSource.Resource)?.Assembly ?? _options.ResourceAssembly
                    ?? throw new ConfigSourceException(statement.Name,
                        $"{statement.Position}: include {statement.Describe()} looks for an embedded resource, but this text was not loaded from an assembly; use HoconLoader.FromResource or set HoconParseOptions.ResourceAssembly");
                included = LoadResources(assembly, statement.Name, relativeTo: null, includePoint, out lookedFor);
                break;
            case IncludeKind.Adjacent when from is ConfigSource.Resource resource && !LooksLikeUrl(statement.Name):
                included = LoadResources(resource.Assembly, statement.Name, resource.ResourceName, includePoint, out lookedFor);
                break;
            default:
                var name = statement.Name;
                if (LooksLikeUrl(name))
                {
                    name = FileUrlToPath(statement);
                }

                included = LoadFiles(BaseDirectoryOf(from), name, statement, includePoint, out lookedFor);
                break;
        }

        if (included is null && statement.IsRequired)
        {
            throw new ConfigSourceException(statement.Name,
                $"{statement.Position}: required include {statement.Describe()} was not found (looked for {string.Join(", ", lookedFor)})");
        }

        return included;
    }

    private HoconObject? LoadFiles(string baseDirectory, string name, IncludeStatement statement, string[] includePoint, out List<string> lookedFor)
    {
        lookedFor = [];
        HoconObject? result = null;
        var basePath = ConfigFiles.FullPath(Path.Combine(baseDirectory, name), statement.Name);
        foreach (var (candidate, syntax) in SourceCandidates.For(basePath, File.Exists))
        {
            lookedFor.Add(candidate);
            var text = ConfigFiles.TryRead(candidate, statement.Name);
            if (text is not null)
            {
                result = MergeOver(result, ParseSource(text, candidate, new ConfigSource.File(candidate), syntax, includePoint));
            }
        }

        return result;
    }

    private HoconObject? LoadResources(Assembly assembly, string name, string? relativeTo, string[] includePoint, out List<string> lookedFor)
    {
        lookedFor = [];
        HoconObject? result = null;
        var available = assembly.GetManifestResourceNames();
        foreach (var (candidate, syntax) in SourceCandidates.For(name, exists: n => EmbeddedResources.Find(available, n, relativeTo) is not null))
        {
            lookedFor.Add(candidate);
            var resourceName = EmbeddedResources.Find(available, candidate, relativeTo);
            if (resourceName is null)
            {
                continue;
            }

            var text = EmbeddedResources.Read(assembly, resourceName);
            result = MergeOver(result, ParseSource(text, resourceName, new ConfigSource.Resource(assembly, resourceName), syntax, includePoint));
        }

        return result;
    }

    private HoconObject ParseSource(string text, string origin, ConfigSource source, SourceSyntax syntax, string[] includePoint)
    {
        var identity = source switch
        {
            ConfigSource.File file => "file " + file.FullPath,
            ConfigSource.Resource resource => "resource " + resource.ResourceName,
            _ => origin,
        };
        if (_openSources.Contains(identity))
        {
            throw new ConfigSourceException(origin, $"Include cycle: {string.Join(" -> ", _openSources)} -> {identity}");
        }

        if (_openSources.Count >= MaxIncludeDepth)
        {
            throw new ConfigSourceException(origin, $"Includes are nested more than {MaxIncludeDepth} levels deep at {identity}");
        }

        _openSources.Add(identity);
        try
        {
            // JSON is a subset of HOCON, so .json sources go through the same parser.
            return syntax == SourceSyntax.Properties
                ? PropertiesParser.Parse(text, origin)
                : Parser.ParseDocument(text, new ParseContext(origin, source, includePoint, this));
        }
        finally
        {
            _openSources.RemoveAt(_openSources.Count - 1);
        }
    }

    private static HoconObject MergeOver(HoconObject? earlier, HoconObject later)
    {
        if (earlier is null)
        {
            return later;
        }

        foreach (var field in later)
        {
            ValueMerger.MergeFieldInPlace(earlier, field.Key, field.Value);
        }

        return earlier;
    }

    private string BaseDirectoryOf(ConfigSource from) => from switch
    {
        ConfigSource.File file => Path.GetDirectoryName(file.FullPath) ?? Path.GetPathRoot(file.FullPath) ?? file.FullPath,
        ConfigSource.Text text => text.BaseDirectory,
        _ => _options.IncludeBaseDirectory ?? AppContext.BaseDirectory,
    };

    private static bool LooksLikeUrl(string name)
        => name.Contains("://", StringComparison.Ordinal) || name.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    private static string FileUrlToPath(IncludeStatement statement)
    {
        if (Uri.TryCreate(statement.Name, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            return uri.LocalPath;
        }

        throw Unsupported(statement);
    }

    private static ConfigSourceException Unsupported(IncludeStatement statement)
        => new(statement.Name,
            $"{statement.Position}: include {statement.Describe()} is not supported: this library never loads configuration over the network; use a file or an embedded resource");
}
