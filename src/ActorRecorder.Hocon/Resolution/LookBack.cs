namespace ActorRecorder.Hocon.Resolution;

/// <summary>
/// What a self-referential definition sees when it refers to its own path: the merge of the
/// definitions made before it. Computed only when a substitution actually looks, because
/// computing it may resolve other values.
/// </summary>
internal sealed class LookBack(Func<HoconValue?> compute)
{
    private HoconValue? _value;
    private bool _computed;

    /// <summary>The earlier definitions, or null when there were none.</summary>
    public HoconValue? Value
    {
        get
        {
            if (!_computed)
            {
                _value = compute();
                _computed = true;
            }

            return _value;
        }
    }
}
