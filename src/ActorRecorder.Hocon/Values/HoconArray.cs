using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ActorRecorder.Hocon;

/// <summary>An array value. Read-only for callers.</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix",
    Justification = "Named after the HOCON concept it models, like its siblings HoconObject and HoconString.")]
internal sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly HoconValue[] _elements;
    private ResolvedState _resolved;

    /// <summary>Creates an array that owns the given elements.</summary>
    internal HoconArray(HoconValue[] elements)
    {
        _elements = elements;
    }

    /// <summary>A shared empty array.</summary>
    internal static HoconArray Empty { get; } = new([]);

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Array;

    /// <summary>Number of elements.</summary>
    public int Count => _elements.Length;

    /// <inheritdoc />
    internal override bool IsResolved
    {
        get
        {
            if (_resolved == ResolvedState.Unknown)
            {
                var resolved = true;
                foreach (var element in _elements)
                {
                    if (!element.IsResolved)
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

    /// <summary>Gets an element by position.</summary>
    /// <param name="index">0-based position.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the array.</exception>
    public HoconValue this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _elements.Length);
            return _elements[index];
        }
    }

    /// <summary>Enumerates the elements in order.</summary>
    /// <returns>An enumerator of the elements.</returns>
    public IEnumerator<HoconValue> GetEnumerator() => ((IEnumerable<HoconValue>)_elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The backing elements, for code in this library that builds new arrays.</summary>
    internal ReadOnlySpan<HoconValue> AsSpan() => _elements;
}
