using ActorRecorder.Hocon.Unresolved;

namespace ActorRecorder.Hocon.Merging;

/// <summary>
/// Merges a later ("top") value over an earlier ("bottom") one, per the HOCON rules: objects
/// merge field by field, any other value replaces what is below it, and values that are not
/// known until resolution (substitutions, concatenations) are kept as a merge stack.
/// </summary>
internal static class ValueMerger
{
    /// <summary>
    /// Merges without touching either input; used on finished trees (fallbacks, resolution).
    /// </summary>
    public static HoconValue Merge(HoconValue top, HoconValue bottom) => Combine(top, bottom, inPlace: false);

    /// <summary>Merges two values the parser still owns, reusing (mutating) their nodes.</summary>
    public static HoconValue MergeInPlace(HoconValue top, HoconValue bottom) => Combine(top, bottom, inPlace: true);

    /// <summary>
    /// Merges a field while the parser still owns every node of the tree, reusing (mutating)
    /// the existing nodes so that repeated path keys stay cheap.
    /// </summary>
    public static void MergeFieldInPlace(HoconObject target, string key, HoconValue incoming)
    {
        target.SetField(key, target.TryGetValue(key, out var existing) ? Combine(incoming, existing, inPlace: true) : incoming);
    }

    /// <summary>True for values that hide everything defined before them (any non-object that is already known).</summary>
    public static bool HidesEarlierValues(HoconValue value)
        => value is not (HoconObject or HoconSubstitution or HoconConcatenation or HoconMergeStack);

    private static bool IsPending(HoconValue value) => value is HoconSubstitution or HoconConcatenation;

    private static HoconValue Combine(HoconValue top, HoconValue bottom, bool inPlace)
    {
        switch (top)
        {
            case HoconObject { IgnoresFallbacks: true } topObject:
                return topObject;

            case HoconObject topObject:
                return bottom switch
                {
                    HoconObject bottomObject => MergeObjects(topObject, bottomObject, inPlace),
                    HoconMergeStack stack => PutObjectOnStack(topObject, stack, inPlace),
                    _ when IsPending(bottom) => new HoconMergeStack([topObject, bottom]),
                    _ => IgnoringFallbacks(topObject, inPlace),
                };

            case HoconSubstitution or HoconConcatenation:
                if (bottom is HoconMergeStack bottomStack)
                {
                    if (inPlace)
                    {
                        bottomStack.PushTop(top);
                        return bottomStack;
                    }

                    return new HoconMergeStack([top, .. bottomStack.Layers]);
                }

                return new HoconMergeStack([top, bottom]);

            case HoconMergeStack topStack:
                if (HidesEarlierValues(topStack.Layers[^1]))
                {
                    return topStack;
                }

                List<HoconValue> layers = [.. topStack.Layers];
                if (bottom is HoconMergeStack lowerStack)
                {
                    layers.AddRange(lowerStack.Layers);
                }
                else
                {
                    layers.Add(bottom);
                }

                return new HoconMergeStack(layers);

            default:
                return top;
        }
    }

    private static HoconObject IgnoringFallbacks(HoconObject obj, bool inPlace)
    {
        if (inPlace)
        {
            obj.MarkIgnoresFallbacks();
            return obj;
        }

        return obj.AsIgnoringFallbacks();
    }

    private static HoconObject MergeObjects(HoconObject top, HoconObject bottom, bool inPlace)
    {
        if (inPlace)
        {
            foreach (var field in top)
            {
                MergeFieldInPlace(bottom, field.Key, field.Value);
            }

            return bottom;
        }

        if (top.Count == 0)
        {
            return bottom;
        }

        if (bottom.Count == 0 && !bottom.IgnoresFallbacks)
        {
            return top;
        }

        var fields = bottom.CopyFields();
        foreach (var field in top)
        {
            fields[field.Key] = fields.TryGetValue(field.Key, out var earlier)
                ? Combine(field.Value, earlier, inPlace: false)
                : field.Value;
        }

        // Whatever the bottom object already hid stays hidden for the merged result.
        return new HoconObject(fields, bottom.IgnoresFallbacks);
    }

    private static HoconMergeStack PutObjectOnStack(HoconObject top, HoconMergeStack stack, bool inPlace)
    {
        if (stack.Top is HoconObject stackTop)
        {
            var merged = MergeObjects(top, stackTop, inPlace);
            if (inPlace)
            {
                stack.ReplaceTop(merged);
                return stack;
            }

            List<HoconValue> layers = [.. stack.Layers];
            layers[0] = merged;
            return new HoconMergeStack(layers);
        }

        if (inPlace)
        {
            stack.PushTop(top);
            return stack;
        }

        return new HoconMergeStack([top, .. stack.Layers]);
    }
}
