using System.Diagnostics.CodeAnalysis;
using ActorRecorder.Hocon.Merging;
using ActorRecorder.Hocon.Paths;
using ActorRecorder.Hocon.Reading;
using ActorRecorder.Hocon.Rendering;
using ActorRecorder.Hocon.Resolution;
using Newtonsoft.Json.Linq;

namespace ActorRecorder.Hocon;

/// <summary>
/// An immutable configuration tree with typed getters.
/// </summary>
/// <remarks>
/// Substitutions are resolved against the whole tree, including everything merged in with
/// <see cref="WithFallback"/>, the first time a value is read (or when <see cref="Resolve()"/> is
/// called); resolution errors surface then. Paths given to getters are HOCON path expressions:
/// <c>a.b.c</c>, with quotes for keys containing dots (<c>a."b.c"</c>). A <c>null</c> value counts
/// as missing for typed getters, so the default-value overloads return their default for it.
/// Instances are safe to share between threads.
/// </remarks>
internal sealed class Config
{
    private readonly HoconObject _tree;
    private readonly Lazy<HoconObject>? _resolved;
    private readonly bool _useEnvironmentVariables;

    internal Config(HoconObject tree, bool useEnvironmentVariables)
    {
        _tree = tree;
        _useEnvironmentVariables = useEnvironmentVariables;
        if (!tree.IsResolved)
        {
            _resolved = new Lazy<HoconObject>(() => Resolver.ResolveTree(tree, useEnvironmentVariables));
        }
    }

    /// <summary>The resolved root object.</summary>
    /// <exception cref="ConfigResolveException">A substitution cannot be resolved.</exception>
    public HoconObject Root => _resolved is null ? _tree : _resolved.Value;

    /// <summary>The top-level keys, in definition order.</summary>
    public IReadOnlyList<string> Keys => Root.Keys;

    /// <summary>True when the configuration has no values at all.</summary>
    public bool IsEmpty => Root.Count == 0;

    /// <summary>
    /// True when the tree holds no substitutions, so nothing is left to resolve. A parsed config
    /// with substitutions reports false (even after its values were read); <see cref="Resolve()"/>
    /// returns one that reports true.
    /// </summary>
    public bool IsResolved => _resolved is null;

    /// <summary>
    /// Resolves all substitutions now and returns the resolved configuration. Fallbacks added to
    /// the result later can no longer influence its substitutions.
    /// </summary>
    /// <returns>A configuration without substitutions.</returns>
    /// <exception cref="ConfigResolveException">A substitution cannot be resolved.</exception>
    public Config Resolve() => _resolved is null ? this : new Config(_resolved.Value, _useEnvironmentVariables);

    /// <summary>Resolves all substitutions now, choosing whether environment variables may fill in missing ones.</summary>
    /// <param name="useEnvironmentVariables">Whether substitutions missing from the configuration fall back to environment variables.</param>
    /// <returns>A configuration without substitutions.</returns>
    /// <exception cref="ConfigResolveException">A substitution cannot be resolved.</exception>
    public Config Resolve(bool useEnvironmentVariables)
        => _resolved is null ? this : new Config(Resolver.ResolveTree(_tree, useEnvironmentVariables), useEnvironmentVariables);

    /// <summary>
    /// Merges this configuration over <paramref name="fallback"/>: objects merge deeply, values
    /// here win, and substitutions on either side resolve against the merged whole (so a user
    /// config can refer to values of its reference config and vice versa).
    /// </summary>
    /// <param name="fallback">The configuration whose values apply where this one has none.</param>
    /// <returns>The merged configuration.</returns>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback._tree.Count == 0)
        {
            return this;
        }

        var merged = (HoconObject)ValueMerger.Merge(_tree, fallback._tree);
        return new Config(merged, _useEnvironmentVariables);
    }

    /// <summary>
    /// Tells whether a path has a value other than <c>null</c>. A path that runs through a
    /// non-object value (such as <c>a.b</c> when <c>a = 1</c>) does not exist.
    /// </summary>
    /// <param name="path">A path expression such as <c>a.b.c</c>.</param>
    /// <returns>True when the path has a non-null value.</returns>
    /// <exception cref="ConfigBadPathException">The path expression is invalid.</exception>
    public bool HasPath(string path) => Find(path, throwIfBlocked: false) is not null and not HoconNull;

    /// <summary>Gets the raw value at a path (which may be <see cref="HoconNull"/>).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    public HoconValue GetValue(string path) => Find(path) ?? throw new ConfigMissingException(path);

    /// <summary>
    /// Gets the raw value at a path if there is one (which may be <see cref="HoconNull"/>); a
    /// path through a non-object value has none.
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>True when the path has a value.</returns>
    /// <exception cref="ConfigBadPathException">The path expression is invalid.</exception>
    public bool TryGetValue(string path, [NotNullWhen(true)] out HoconValue? value)
    {
        value = Find(path, throwIfBlocked: false);
        return value is not null;
    }

    /// <summary>Reads a string; numbers and booleans are returned as written.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The string.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is an object or array.</exception>
    public string GetString(string path) => ValueReader.ReadString(Require(path), path);

    /// <summary>Reads a string, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The string or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is an object or array.</exception>
    [return: NotNullIfNotNull(nameof(defaultValue))]
    public string? GetString(string path, string? defaultValue)
        => TryFind(path, out var value) ? ValueReader.ReadString(value, path) : defaultValue;

    /// <summary>Reads a 32-bit integer (numbers, or strings holding a whole number).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is not a whole number in range.</exception>
    public int GetInt(string path) => ValueReader.ReadInt(Require(path), path);

    /// <summary>Reads a 32-bit integer, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The integer or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is not a whole number in range.</exception>
    public int GetInt(string path, int defaultValue) => TryFind(path, out var value) ? ValueReader.ReadInt(value, path) : defaultValue;

    /// <summary>Reads a 64-bit integer.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is not a whole number in range.</exception>
    public long GetLong(string path) => ValueReader.ReadLong(Require(path), path);

    /// <summary>Reads a 64-bit integer, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The integer or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is not a whole number in range.</exception>
    public long GetLong(string path, long defaultValue) => TryFind(path, out var value) ? ValueReader.ReadLong(value, path) : defaultValue;

    /// <summary>Reads a floating-point number.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is not a number.</exception>
    public double GetDouble(string path) => ValueReader.ReadDouble(Require(path), path);

    /// <summary>Reads a floating-point number, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The number or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is not a number.</exception>
    public double GetDouble(string path, double defaultValue) => TryFind(path, out var value) ? ValueReader.ReadDouble(value, path) : defaultValue;

    /// <summary>Reads a boolean: <c>true</c>/<c>false</c>, or the strings true, yes, on, false, no, off (any case).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The boolean.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is not a boolean.</exception>
    public bool GetBoolean(string path) => ValueReader.ReadBoolean(Require(path), path);

    /// <summary>Reads a boolean, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The boolean or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is not a boolean.</exception>
    public bool GetBoolean(string path, bool defaultValue) => TryFind(path, out var value) ? ValueReader.ReadBoolean(value, path) : defaultValue;

    /// <summary>
    /// Reads a duration: a number of milliseconds, or a string such as <c>10s</c>, <c>1.5 minutes</c>,
    /// <c>250ms</c> (units ns, us, ms, s, m, h, d and long forms such as <c>nanos</c>, <c>millis</c>,
    /// <c>seconds</c>), or <c>infinite</c> for <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is not a duration.</exception>
    public TimeSpan GetTimeSpan(string path) => ValueReader.ReadDuration(Require(path), path);

    /// <summary>Reads a duration, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The duration or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is not a duration.</exception>
    public TimeSpan GetTimeSpan(string path, TimeSpan defaultValue) => TryFind(path, out var value) ? ValueReader.ReadDuration(value, path) : defaultValue;

    /// <summary>
    /// Reads a size in bytes: a number of bytes, or a string such as <c>512k</c>, <c>10 MiB</c>,
    /// <c>1.5GB</c> (powers of ten: kB/KB, MB, GB, ...; powers of two: K/Ki/KiB, M/Mi/MiB, ...).
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is not a size or does not fit in 64 bits.</exception>
    public long GetByteSize(string path) => ValueReader.ReadByteSize(Require(path), path);

    /// <summary>Reads a size in bytes, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The number of bytes or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is not a size or does not fit in 64 bits.</exception>
    public long GetByteSize(string path, long defaultValue) => TryFind(path, out var value) ? ValueReader.ReadByteSize(value, path) : defaultValue;

    /// <summary>Reads a list of strings (an object with integer keys counts as a list).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The strings.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is not a list of simple values.</exception>
    public IReadOnlyList<string> GetStringList(string path) => ValueReader.ReadList(Require(path), path, ValueReader.ReadString);

    /// <summary>Reads a list of strings, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The strings or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is not a list of simple values.</exception>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> defaultValue)
        => TryFind(path, out var value) ? ValueReader.ReadList(value, path, ValueReader.ReadString) : defaultValue;

    /// <summary>Reads a list of 32-bit integers (an object with integer keys counts as a list).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The integers.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is not a list of whole numbers in range.</exception>
    public IReadOnlyList<int> GetIntList(string path) => ValueReader.ReadList(Require(path), path, ValueReader.ReadInt);

    /// <summary>Reads a list of 32-bit integers, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The integers or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is not a list of whole numbers in range.</exception>
    public IReadOnlyList<int> GetIntList(string path, IReadOnlyList<int> defaultValue)
        => TryFind(path, out var value) ? ValueReader.ReadList(value, path, ValueReader.ReadInt) : defaultValue;

    /// <summary>Gets the object at a path as a configuration of its own (already resolved).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The sub-configuration.</returns>
    /// <exception cref="ConfigMissingException">The path has no value.</exception>
    /// <exception cref="ConfigWrongTypeException">The value is not an object.</exception>
    public Config GetConfig(string path) => new(ValueReader.ReadObject(Require(path), path), _useEnvironmentVariables);

    /// <summary>Gets the object at a path as a configuration, or returns <paramref name="defaultValue"/> when the path has no value.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing or null.</param>
    /// <returns>The sub-configuration or the default.</returns>
    /// <exception cref="ConfigWrongTypeException">The value is not an object.</exception>
    public Config GetConfig(string path, Config defaultValue)
        => TryFind(path, out var value) ? new Config(ValueReader.ReadObject(value, path), _useEnvironmentVariables) : defaultValue;

    /// <summary>
    /// Converts the resolved tree to JSON: integers written as integers become integer tokens,
    /// other numbers doubles; strings, booleans, nulls, arrays and objects map directly.
    /// </summary>
    /// <returns>The tree as a <see cref="JObject"/>.</returns>
    public JObject ToJObject() => JsonTreeConverter.ToJObject(Root);

    /// <summary>Renders the resolved tree as HOCON text that parses back to the same tree.</summary>
    /// <returns>HOCON text.</returns>
    public override string ToString() => HoconRenderer.RenderDocument(Root);

    private HoconValue Require(string path)
    {
        var value = Find(path) ?? throw new ConfigMissingException(path);
        return value is HoconNull ? throw new ConfigMissingException(path, isNull: true) : value;
    }

    private bool TryFind(string path, [NotNullWhen(true)] out HoconValue? value)
    {
        value = Find(path);
        return value is not null and not HoconNull;
    }

    /// <summary>
    /// Walks a path. A non-object on the way is a wrong-type error for typed reads (the caller
    /// expected structure that is not there) but simply "not found" for existence checks.
    /// </summary>
    private HoconValue? Find(string path, bool throwIfBlocked = true)
    {
        var segments = HoconPath.Parse(path);
        HoconValue current = Root;
        for (var i = 0; i < segments.Length; i++)
        {
            if (current is not HoconObject obj)
            {
                if (current is HoconNull || !throwIfBlocked)
                {
                    return null;
                }

                throw ValueReader.WrongType(HoconPath.Render(segments[..i]), "object", current, $"so '{path}' cannot be read");
            }

            if (!obj.TryGetValue(segments[i], out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }
}
