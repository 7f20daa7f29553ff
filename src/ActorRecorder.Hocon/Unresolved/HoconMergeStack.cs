namespace ActorRecorder.Hocon.Unresolved;

/// <summary>
/// Several definitions of the same field that cannot be merged before resolution because at
/// least one of them is a substitution or concatenation. Layers are kept top (latest, winning)
/// first; resolution merges them and lets self-references see only the layers below.
/// </summary>
internal sealed class HoconMergeStack : HoconValue
{
    private readonly List<HoconValue> _layers;

    /// <summary>Creates a stack; <paramref name="topFirst"/> must hold no stacks and at least one layer.</summary>
    public HoconMergeStack(List<HoconValue> topFirst)
    {
        _layers = topFirst;
    }

    public IReadOnlyList<HoconValue> Layers => _layers;

    public HoconValue Top => _layers[0];

    public override HoconValueType Type => throw new InvalidOperationException("A merge of unresolved values has no type until it is resolved.");

    internal override bool IsResolved => false;

    /// <summary>Parser-only: a later definition lands on top.</summary>
    public void PushTop(HoconValue layer) => _layers.Insert(0, layer);

    /// <summary>Parser-only: the top layer was merged with something new.</summary>
    public void ReplaceTop(HoconValue layer) => _layers[0] = layer;

    /// <summary>The layers from <paramref name="index"/> downwards, as a new stack, or null when there are none.</summary>
    public HoconMergeStack? Below(int index)
    {
        if (index >= _layers.Count)
        {
            return null;
        }

        return new HoconMergeStack(_layers.GetRange(index, _layers.Count - index));
    }
}
