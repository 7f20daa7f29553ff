using System.Reflection;
using ActorRecorder.Hocon.Includes;

namespace ActorRecorder.Hocon;

/// <summary>Entry points that turn HOCON text, files and embedded resources into <see cref="Config"/> instances.</summary>
/// <remarks>
/// Superseded by <see cref="HoconLoader"/>, which returns Akka.NET's <c>Config</c>; this type stays
/// while existing callers move over.
/// </remarks>
internal static class ConfigurationFactory
{
    /// <summary>A configuration with no values.</summary>
    public static Config Empty { get; } = new(HoconObject.Empty, useEnvironmentVariables: true);

    /// <summary>
    /// Parses HOCON text. Syntax errors are reported at once; substitutions are resolved when a
    /// value is first read (or by <see cref="Config.Resolve()"/>), after any fallbacks are merged.
    /// </summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="origin">Name used in error messages; defaults to <c>string</c>.</param>
    /// <returns>The parsed configuration.</returns>
    /// <exception cref="ConfigException">The text or something it includes is invalid.</exception>
    public static Config ParseString(string text, string? origin = null) => ParseString(text, HoconParseOptions.Default, origin);

    /// <summary>Parses HOCON text with explicit options.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="options">Parse and resolve options.</param>
    /// <param name="origin">Name used in error messages; defaults to <c>string</c>.</param>
    /// <returns>The parsed configuration.</returns>
    /// <exception cref="ConfigException">The text or something it includes is invalid.</exception>
    public static Config ParseString(string text, HoconParseOptions options, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var baseDirectory = options.IncludeBaseDirectory ?? AppContext.BaseDirectory;
        var tree = new SourceLoader(options).ParseText(text, origin ?? "string", new ConfigSource.Text(baseDirectory));
        return new Config(tree, options.UseEnvironmentVariables);
    }

    /// <summary>
    /// Parses a file (HOCON, or JSON / Java properties by extension). Relative includes resolve
    /// against the file's directory.
    /// </summary>
    /// <param name="path">Path of the file.</param>
    /// <returns>The parsed configuration.</returns>
    /// <exception cref="ConfigException">The file is missing or invalid.</exception>
    public static Config ParseFile(string path) => ParseFile(path, HoconParseOptions.Default);

    /// <summary>Parses a file with explicit options.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="options">Parse and resolve options.</param>
    /// <returns>The parsed configuration.</returns>
    /// <exception cref="ConfigException">The file is missing or invalid.</exception>
    public static Config ParseFile(string path, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return new Config(new SourceLoader(options).ParseFile(path), options.UseEnvironmentVariables);
    }

    /// <summary>
    /// Parses an embedded resource. <paramref name="name"/> may be the full manifest name or its
    /// unique ending (e.g. <c>reference.conf</c>); without an extension the .properties, .json and
    /// .conf variants are merged. Includes resolve to other resources of the same assembly.
    /// </summary>
    /// <param name="assembly">The assembly holding the resource.</param>
    /// <param name="name">The resource name.</param>
    /// <returns>The parsed configuration.</returns>
    /// <exception cref="ConfigException">The resource is missing or invalid.</exception>
    public static Config FromResource(Assembly assembly, string name) => FromResource(assembly, name, HoconParseOptions.Default);

    /// <summary>Parses an embedded resource with explicit options.</summary>
    /// <param name="assembly">The assembly holding the resource.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="options">Parse and resolve options.</param>
    /// <returns>The parsed configuration.</returns>
    /// <exception cref="ConfigException">The resource is missing or invalid.</exception>
    public static Config FromResource(Assembly assembly, string name, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        return new Config(new SourceLoader(options).ParseResource(assembly, name), options.UseEnvironmentVariables);
    }
}
