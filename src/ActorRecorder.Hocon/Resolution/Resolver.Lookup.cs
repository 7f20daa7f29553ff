using ActorRecorder.Hocon.Merging;
using ActorRecorder.Hocon.Unresolved;

namespace ActorRecorder.Hocon.Resolution;

/// <summary>
/// Finding the value a substitution names: walking the tree from the root, honouring the
/// look-back scopes of self-referential fields, and resolving only what the walk passes through.
/// </summary>
internal sealed partial class Resolver
{
    private bool TryLookup(string[] segments, out HoconValue? value, out bool foundOnlyItself)
    {
        foundOnlyItself = false;
        HoconValue current = _root;
        PathNode? path = null;
        foreach (var key in segments)
        {
            var parentPath = path;
            path = new PathNode(parentPath, key);
            HoconValue? next;
            if (FindOverride(path) is { } scope)
            {
                _shallowestScopeUsed = Math.Min(_shallowestScopeUsed, scope.Depth);
                next = scope.LookBack?.Value;
                if (next is null)
                {
                    if (scope.SelfReferenceDepth == _selfReferenceDepth)
                    {
                        // A field referring to itself with nothing defined before it: undefined.
                        foundOnlyItself = true;
                        value = null;
                        return false;
                    }

                    throw new CycleSignal(DescribeCycle(path));
                }
            }
            else
            {
                next = ChildOf(current, key, parentPath);
            }

            if (next is null)
            {
                value = null;
                return false;
            }

            current = next;
        }

        value = Resolve(current, path, lookBack: null, isField: path is not null);
        return value is not null;
    }

    private OverrideScope? FindOverride(PathNode path)
    {
        for (var scope = _scope; scope is not null; scope = scope.Outer)
        {
            if (scope.Path.SameAs(path))
            {
                return scope;
            }
        }

        return null;
    }

    /// <summary>
    /// The unresolved value of a child, resolving as little as possible: objects are not
    /// resolved as a whole (so <c>bar { foo = 1, baz = ${bar.foo} }</c> works).
    /// </summary>
    private HoconValue? ChildOf(HoconValue? parent, string key, PathNode? parentPath)
    {
        switch (parent)
        {
            case HoconObject obj:
                return obj.TryGetValue(key, out var child) ? child : null;
            case HoconMergeStack stack when parentPath is not null:
                return ChildOfStack(stack, key, parentPath);
            case HoconSubstitution or HoconConcatenation when parentPath is not null:
                return Resolve(parent, parentPath, lookBack: null, isField: true) is HoconObject resolved
                    && resolved.TryGetValue(key, out var resolvedChild) ? resolvedChild : null;
            default:
                return null;
        }
    }

    private HoconValue? ChildOfStack(HoconMergeStack stack, string key, PathNode stackPath)
    {
        List<HoconValue>? found = null;
        var layers = stack.Layers;
        for (var i = 0; i < layers.Count; i++)
        {
            HoconValue? candidate;
            var layer = layers[i];
            if (layer is HoconObject obj)
            {
                if (!obj.TryGetValue(key, out candidate))
                {
                    continue;
                }
            }
            else if (layer is HoconSubstitution or HoconConcatenation)
            {
                var resolved = Resolve(layer, stackPath, LookBackBelow(stack, i, outer: null), isField: true);
                if (resolved is null)
                {
                    continue;
                }

                if (resolved is not HoconObject resolvedObject)
                {
                    break;
                }

                if (!resolvedObject.TryGetValue(key, out candidate))
                {
                    continue;
                }
            }
            else
            {
                break;
            }

            found ??= [];
            if (candidate is HoconMergeStack nested)
            {
                found.AddRange(nested.Layers);
            }
            else
            {
                found.Add(candidate);
            }

            if (ValueMerger.HidesEarlierValues(found[^1]))
            {
                break;
            }
        }

        return found switch
        {
            null => null,
            [var only] => only,
            _ => new HoconMergeStack(found),
        };
    }
}
