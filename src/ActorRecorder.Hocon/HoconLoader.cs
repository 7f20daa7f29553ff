using System.Reflection;
using ActorRecorder.Hocon.Conversion;
using ActorRecorder.Hocon.Includes;
using ActorRecorder.Hocon.Resolution;
using AkkaConfig = Akka.Configuration.Config;

namespace ActorRecorder.Hocon;

/// <summary>
/// The entry point for configuration: parses HOCON text, files and embedded resources with this
/// library's spec-conformant parser, resolves them completely, and returns Akka.NET's
/// <see cref="AkkaConfig"/>.
/// </summary>
/// <remarks>
/// <para>
/// Everything is resolved before the method returns: includes, substitutions (including
/// self-references and <c>+=</c>), and environment-variable fallback for substitutions the
/// configuration does not define (<c>port = ${?PORT}</c> takes <c>PORT</c> when it is set and
/// leaves <c>port</c> out when it is not; the rest of the document is always kept). Errors
/// surface here, not on a later read: <see cref="ConfigSourceException"/> for a missing file,
/// resource or required include; <see cref="HoconParseException"/> for a syntax error (origin,
/// line and column); <see cref="ConfigResolveException"/> for an undefined substitution or a
/// cycle (origin, line, column and path). Because each call resolves on its own, a substitution
/// cannot refer to a value that is only added later with Akka's <c>WithFallback</c>.
/// </para>
/// <para>
/// The result is built directly in Akka's object model, never re-parsed by Akka, so every value
/// is kept. Akka's model has no scalar types: strings, numbers (in the text they were written
/// with, such as <c>42</c> or <c>1.5e3</c>), booleans (<c>true</c>/<c>false</c>) and
/// <c>null</c> each become a single <c>HoconLiteral</c> holding that text, exactly as Akka's own
/// parser would represent them. Durations and sizes stay text (<c>10s</c>, <c>64KiB</c>) for
/// Akka's <c>GetTimeSpan</c> and <c>GetByteSize</c> to read. Empty objects and empty arrays are
/// kept (an empty array is a <c>HoconArray</c> with no elements, so <c>HasPath</c> is true and
/// <c>GetStringList</c> is empty); arrays of objects and nested arrays keep their structure
/// (read an element with <c>config.GetValue(path).GetArray()[i].ToConfig()</c>).
/// </para>
/// <para>
/// <b>Keys containing dots.</b> A quoted key such as <c>"a.b" = 1</c> is one key named
/// <c>a.b</c>, as in the source. Akka splits getter paths on dots but honours double quotes, so
/// read it back by quoting that segment: <c>config.GetString("\"a.b\"")</c>, or
/// <c>config.GetInt("outer.\"a.b\"")</c> when it is nested. Akka ends a quoted segment at the next
/// <c>"</c> and knows no escapes, so a key that itself contains a double quote cannot be reached
/// through a path; read it from the object model instead:
/// <c>config.Root.GetObject().Items["say \"hi\""]</c> (or <c>config.AsEnumerable()</c> for the
/// top level).
/// </para>
/// <para>
/// <b>What Akka's getters do with the kept values.</b> Akka's <c>GetString</c> trims leading and
/// trailing whitespace and returns <see langword="null"/> both for <c>null</c> and for the string
/// <c>"null"</c>; its typed getters (<c>GetInt</c>, <c>GetBoolean</c>, ...) throw on <c>null</c>
/// rather than returning their default. The exact text is always available from the object
/// model: <c>((HoconLiteral)config.GetValue(path).Values[0]).Value</c>.
/// </para>
/// </remarks>
public static class HoconLoader
{
    private const string StringOrigin = "string";

    /// <summary>
    /// <paramref name="text"/> as a HOCON quoted string, for config written from code (a value or a path element that
    /// must read back exactly as given): quotes and backslashes escaped, control characters as JSON escapes.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new System.Text.StringBuilder(text.Length + 2);
        Rendering.HoconRenderer.AppendQuoted(builder, text);
        return builder.ToString();
    }

    /// <summary>
    /// Parses and resolves HOCON text with the default options: environment-variable fallback on,
    /// relative includes against <see cref="AppContext.BaseDirectory"/>.
    /// </summary>
    /// <param name="text">The HOCON text.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ConfigException">The text or something it includes is invalid, or a substitution cannot be resolved.</exception>
    public static AkkaConfig ParseString(string text) => ParseString(text, HoconParseOptions.Default, StringOrigin);

    /// <summary>Parses and resolves HOCON text with explicit options.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="options">Parse and resolve options.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ConfigException">The text or something it includes is invalid, or a substitution cannot be resolved.</exception>
    public static AkkaConfig ParseString(string text, HoconParseOptions options) => ParseString(text, options, StringOrigin);

    /// <summary>Parses and resolves HOCON text with explicit options, naming it in error messages.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="options">Parse and resolve options.</param>
    /// <param name="origin">Name used in error messages, such as <c>app.conf</c>.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ConfigException">The text or something it includes is invalid, or a substitution cannot be resolved.</exception>
    public static AkkaConfig ParseString(string text, HoconParseOptions options, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(origin);
        var baseDirectory = options.IncludeBaseDirectory ?? AppContext.BaseDirectory;
        var tree = new SourceLoader(options).ParseText(text, origin, new ConfigSource.Text(baseDirectory));
        return Finish(tree, options);
    }

    /// <summary>
    /// Parses and resolves a file (HOCON, or JSON / Java properties by extension) with the default
    /// options. Relative includes resolve against the file's directory.
    /// </summary>
    /// <param name="path">Path of the file.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ConfigSourceException">The file, or a required include, does not exist or cannot be read.</exception>
    /// <exception cref="ConfigException">The file or something it includes is invalid, or a substitution cannot be resolved.</exception>
    public static AkkaConfig ParseFile(string path) => ParseFile(path, HoconParseOptions.Default);

    /// <summary>Parses and resolves a file with explicit options.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="options">Parse and resolve options.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ConfigSourceException">The file, or a required include, does not exist or cannot be read.</exception>
    /// <exception cref="ConfigException">The file or something it includes is invalid, or a substitution cannot be resolved.</exception>
    public static AkkaConfig ParseFile(string path, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return Finish(new SourceLoader(options).ParseFile(path), options);
    }

    /// <summary>
    /// Parses and resolves an embedded resource with the default options. <paramref name="name"/>
    /// may be the full manifest name or its unique ending (e.g. <c>reference.conf</c>); without an
    /// extension the .properties, .json and .conf variants are merged. Includes resolve to other
    /// resources of the same assembly.
    /// </summary>
    /// <param name="assembly">The assembly holding the resource.</param>
    /// <param name="name">The resource name.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assembly"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ConfigSourceException">The resource, or a required include, does not exist.</exception>
    /// <exception cref="ConfigException">The resource or something it includes is invalid, or a substitution cannot be resolved.</exception>
    public static AkkaConfig FromResource(Assembly assembly, string name) => FromResource(assembly, name, HoconParseOptions.Default);

    /// <summary>Parses and resolves an embedded resource with explicit options.</summary>
    /// <param name="assembly">The assembly holding the resource.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="options">Parse and resolve options.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ConfigSourceException">The resource, or a required include, does not exist.</exception>
    /// <exception cref="ConfigException">The resource or something it includes is invalid, or a substitution cannot be resolved.</exception>
    public static AkkaConfig FromResource(Assembly assembly, string name, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        return Finish(new SourceLoader(options).ParseResource(assembly, name), options);
    }

    private static AkkaConfig Finish(HoconObject tree, HoconParseOptions options)
    {
        var resolved = tree.IsResolved ? tree : Resolver.ResolveTree(tree, options.UseEnvironmentVariables);
        return AkkaTreeBuilder.ToAkkaConfig(resolved);
    }
}
