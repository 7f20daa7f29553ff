using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ActorRecorder.Hocon;

/// <summary>
/// An object value: fields in the order they were first defined. Read-only for callers.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix",
    Justification = "Named after the HOCON concept it models, like its siblings HoconArray and HoconString.")]
internal sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly OrderedDictionary<string, HoconValue> _fields;
    private ResolvedState _resolved;

    /// <summary>Creates an empty object the parser may still add fields to.</summary>
    internal HoconObject()
    {
        _fields = new OrderedDictionary<string, HoconValue>(StringComparer.Ordinal);
    }

    /// <summary>Creates an object around fields that will not change any more.</summary>
    internal HoconObject(OrderedDictionary<string, HoconValue> fields, bool ignoresFallbacks = false)
    {
        _fields = fields;
        IgnoresFallbacks = ignoresFallbacks;
    }

    /// <summary>A shared empty object.</summary>
    internal static HoconObject Empty { get; } = new();

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Object;

    /// <summary>Number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>Field names, in definition order.</summary>
    public IReadOnlyList<string> Keys => _fields.Keys;

    /// <summary>Field values, in definition order.</summary>
    public IReadOnlyList<HoconValue> Values => _fields.Values;

    IEnumerable<string> IReadOnlyDictionary<string, HoconValue>.Keys => _fields.Keys;

    IEnumerable<HoconValue> IReadOnlyDictionary<string, HoconValue>.Values => _fields.Values;

    /// <summary>
    /// True once this object has been merged over a non-object value: that value hid
    /// everything below it, so fallbacks merged in later must not reach through (the spec's
    /// "merging is done in pairs" rule for <c>{a:{x:1}}</c>, <c>{a:42}</c>, <c>{a:{y:2}}</c>).
    /// </summary>
    internal bool IgnoresFallbacks { get; private set; }

    /// <inheritdoc />
    internal override bool IsResolved
    {
        get
        {
            // Computed on first use, after parsing has finished mutating the tree.
            if (_resolved == ResolvedState.Unknown)
            {
                var resolved = true;
                foreach (var value in _fields.Values)
                {
                    if (!value.IsResolved)
                    {
                        resolved = false;
                        break;
                    }
                }

                _resolved = resolved ? ResolvedState.Resolved : ResolvedState.Unresolved;
            }

            return _resolved == ResolvedState.Resolved;
        }
    }

    /// <summary>Gets the value of a field.</summary>
    /// <param name="key">The field name (a single key, not a path).</param>
    /// <exception cref="KeyNotFoundException">The field does not exist.</exception>
    public HoconValue this[string key] => _fields[key];

    /// <summary>Tells whether a field exists.</summary>
    /// <param name="key">The field name (a single key, not a path).</param>
    /// <returns>True when the field exists.</returns>
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <summary>Gets the value of a field if it exists.</summary>
    /// <param name="key">The field name (a single key, not a path).</param>
    /// <param name="value">The field value when found.</param>
    /// <returns>True when the field exists.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    /// <summary>Enumerates the fields in definition order.</summary>
    /// <returns>An enumerator of name/value pairs.</returns>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Parser-only: marks an object the parser owns as having hidden a non-object.</summary>
    internal void MarkIgnoresFallbacks() => IgnoresFallbacks = true;

    /// <summary>This object, or a copy of it, that ignores fallbacks.</summary>
    internal HoconObject AsIgnoringFallbacks() => IgnoresFallbacks ? this : new HoconObject(CopyFields(), ignoresFallbacks: true);

    /// <summary>Adds or replaces a field while the parser still owns this object.</summary>
    internal void SetField(string key, HoconValue value) => _fields[key] = value;

    /// <summary>Copies the fields so a merge can build a new object without touching this one.</summary>
    internal OrderedDictionary<string, HoconValue> CopyFields()
    {
        var copy = new OrderedDictionary<string, HoconValue>(_fields.Count + 4, StringComparer.Ordinal);
        foreach (var pair in _fields)
        {
            copy.Add(pair.Key, pair.Value);
        }

        return copy;
    }
}
