using System.Runtime.CompilerServices;
using ActorRecorder.Hocon.Concatenation;
using ActorRecorder.Hocon.Merging;
using ActorRecorder.Hocon.Unresolved;

namespace ActorRecorder.Hocon.Resolution;

/// <summary>
/// Replaces every substitution in a merged tree with its value, following the spec:
/// substitutions look forward at the final value of their path; a field whose value is a
/// substitution or concatenation looks back at its earlier definitions when it refers to
/// itself; cycles are errors (or undefined, for <c>${?x}</c>); each occurrence is resolved once.
/// </summary>
internal sealed partial class Resolver
{
    private readonly HoconObject _root;
    private readonly bool _useEnvironmentVariables;
    private readonly Dictionary<MemoKey, HoconValue?> _memo = [];
    private readonly Dictionary<HoconValue, int> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<PathNode?> _inProgressPaths = [];
    private OverrideScope? _scope;
    private int _selfReferenceDepth;

    // The outermost override scope consulted since the current node started resolving; a node
    // that consulted a scope opened outside it cannot be remembered as a context-free result.
    private int _shallowestScopeUsed = int.MaxValue;

    private Resolver(HoconObject root, bool useEnvironmentVariables)
    {
        _root = root;
        _useEnvironmentVariables = useEnvironmentVariables;
    }

    /// <summary>Resolves a whole tree; returns it unchanged when it holds no substitutions.</summary>
    public static HoconObject ResolveTree(HoconObject root, bool useEnvironmentVariables)
    {
        if (root.IsResolved)
        {
            return root;
        }

        var resolver = new Resolver(root, useEnvironmentVariables);
        try
        {
            return (HoconObject)resolver.Resolve(root, path: null, lookBack: null, isField: false)!;
        }
        catch (CycleSignal cycle)
        {
            // Every lookup sits inside a substitution that converts this; kept as a safety net.
            throw new ConfigResolveException(string.Empty, "Substitution cycle: " + cycle.Chain);
        }
    }

    private HoconValue? Resolve(HoconValue node, PathNode? path, LookBack? lookBack, bool isField)
    {
        if (node.IsResolved)
        {
            return node;
        }

        // Results that depended on a look-back are specific to it and are not remembered.
        var memoizable = lookBack is null;
        if (memoizable && TryRecall(node, out var remembered))
        {
            return remembered;
        }

        if (_inProgress.ContainsKey(node))
        {
            throw new CycleSignal(DescribeCycle(path));
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ConfigResolveException(PathNode.Render(path), $"Substitutions at '{PathNode.Render(path)}' are chained or nested too deeply to resolve");
        }

        var scopeDepthAtStart = _scope?.Depth ?? 0;
        var shallowestBefore = _shallowestScopeUsed;
        _shallowestScopeUsed = int.MaxValue;
        _inProgress.Add(node, _inProgressPaths.Count);
        _inProgressPaths.Add(path);
        HoconValue? result;
        bool usedOuterScope;
        try
        {
            result = node switch
            {
                HoconObject obj => ResolveObject(obj, path, lookBack),
                HoconArray array => ResolveArray(array, path),
                HoconMergeStack stack => ResolveStack(stack, path!, lookBack),
                _ when isField && path is not null => ResolveSelfReferential(node, path, lookBack),
                _ => ResolveValue(node, path),
            };
        }
        finally
        {
            _inProgress.Remove(node);
            _inProgressPaths.RemoveAt(_inProgressPaths.Count - 1);
            usedOuterScope = _shallowestScopeUsed <= scopeDepthAtStart;
            _shallowestScopeUsed = Math.Min(shallowestBefore, _shallowestScopeUsed);
        }

        if (memoizable)
        {
            _memo[new MemoKey(node, usedOuterScope ? _scope : null)] = result;
        }

        return result;
    }

    private bool TryRecall(HoconValue node, out HoconValue? value)
    {
        if (_memo.TryGetValue(new MemoKey(node, null), out value))
        {
            return true;
        }

        if (_scope is not null && _memo.TryGetValue(new MemoKey(node, _scope), out value))
        {
            // That result depended on the current scopes, so whatever uses it does too.
            _shallowestScopeUsed = 1;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Resolves a field whose value is a substitution or concatenation: while it resolves,
    /// lookups of its own path see only the earlier definitions (the spec's look-back rule).
    /// </summary>
    private HoconValue? ResolveSelfReferential(HoconValue node, PathNode path, LookBack? lookBack)
    {
        _scope = new OverrideScope(_scope, path, lookBack, ++_selfReferenceDepth);
        try
        {
            return ResolveValue(node, path);
        }
        finally
        {
            _scope = _scope.Outer;
            _selfReferenceDepth--;
        }
    }

    private HoconValue? ResolveValue(HoconValue node, PathNode? path) => node switch
    {
        HoconSubstitution substitution => ResolveSubstitution(substitution, path),
        HoconConcatenation concatenation => ResolveConcatenation(concatenation, path),
        _ => node,
    };

    private HoconObject ResolveObject(HoconObject obj, PathNode? path, LookBack? lookBack)
    {
        var fields = new OrderedDictionary<string, HoconValue>(obj.Count, StringComparer.Ordinal);
        foreach (var field in obj)
        {
            if (field.Value.IsResolved)
            {
                fields.Add(field.Key, field.Value);
                continue;
            }

            var key = field.Key;
            var childLookBack = lookBack is null ? null : new LookBack(() => ChildOf(lookBack.Value, key, path));
            var resolved = Resolve(field.Value, new PathNode(path, key), childLookBack, isField: true);
            if (resolved is not null)
            {
                fields.Add(key, resolved);
            }
        }

        return new HoconObject(fields, obj.IgnoresFallbacks);
    }

    private HoconArray ResolveArray(HoconArray array, PathNode? path)
    {
        // Array elements are never self-referential: [${a}] inside a is a cycle, per the spec.
        var elements = new List<HoconValue>(array.Count);
        foreach (var element in array)
        {
            var resolved = Resolve(element, path, lookBack: null, isField: false);
            if (resolved is not null)
            {
                elements.Add(resolved);
            }
        }

        return new HoconArray([.. elements]);
    }

    private HoconValue? ResolveStack(HoconMergeStack stack, PathNode path, LookBack? lookBack)
    {
        var layers = stack.Layers;
        List<HoconValue>? results = null;
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var resolved = layer is HoconObject or HoconSubstitution or HoconConcatenation
                ? Resolve(layer, path, LookBackBelow(stack, i, lookBack), isField: true)
                : Resolve(layer, path, lookBack: null, isField: false);
            if (resolved is null)
            {
                continue;
            }

            (results ??= []).Add(resolved);
            if (resolved is not HoconObject)
            {
                // A non-object hides everything defined before it, so those are never evaluated.
                break;
            }
        }

        if (results is null)
        {
            return null;
        }

        var merged = results[^1];
        for (var i = results.Count - 2; i >= 0; i--)
        {
            merged = ValueMerger.Merge(results[i], merged);
        }

        return merged;
    }

    private LookBack? LookBackBelow(HoconMergeStack stack, int layer, LookBack? outer)
    {
        if (layer == stack.Layers.Count - 1 && outer is null)
        {
            return null;
        }

        return new LookBack(() =>
        {
            var below = stack.Below(layer + 1);
            var outerValue = outer?.Value;
            if (below is null)
            {
                return outerValue;
            }

            return outerValue is null ? below : ValueMerger.Merge(below, outerValue);
        });
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution, PathNode? fieldPath)
    {
        HoconValue? value;
        bool found;
        bool foundOnlyItself;
        try
        {
            found = TryLookup(substitution.Path, out value, out foundOnlyItself);
            if (!found && substitution.HasIncludeFallback)
            {
                // Included files may also mean a path from the root of the whole configuration.
                found = TryLookup(substitution.PathAsWritten, out value, out _);
            }
        }
        catch (CycleSignal cycle)
        {
            if (substitution.IsOptional)
            {
                return null;
            }

            throw new ConfigResolveException(PathNode.Render(fieldPath),
                $"{substitution.Position}: substitution {substitution.Describe()} in '{PathNode.Render(fieldPath)}' is part of a cycle: {cycle.Chain}");
        }

        if (found)
        {
            return value;
        }

        if (_useEnvironmentVariables
            && Environment.GetEnvironmentVariable(string.Join('.', substitution.PathAsWritten)) is { } environmentValue)
        {
            return new HoconString(environmentValue);
        }

        if (substitution.IsOptional)
        {
            return null;
        }

        var where = _useEnvironmentVariables ? "in the configuration or the environment" : "in the configuration";
        var hint = foundOnlyItself ? " (a field that refers to itself sees only values defined before it, and there are none)" : string.Empty;
        throw new ConfigResolveException(PathNode.Render(fieldPath),
            $"{substitution.Position}: could not resolve substitution {substitution.Describe()} in '{PathNode.Render(fieldPath)}': no value {where}{hint}");
    }

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, PathNode? path)
    {
        var parts = new List<HoconValue>(concatenation.Parts.Length);
        foreach (var part in concatenation.Parts)
        {
            if (part is HoconString { IsSeparatingWhitespace: true })
            {
                parts.Add(part);
                continue;
            }

            // An undefined ${?x} simply drops out of the concatenation.
            var resolved = Resolve(part, path, lookBack: null, isField: false);
            if (resolved is not null)
            {
                parts.Add(resolved);
            }
        }

        if (!ValueConcatenation.TryJoin(parts, ValueMerger.Merge, out var joined, out var error))
        {
            throw new ConfigResolveException(PathNode.Render(path),
                $"{concatenation.Position}: {error} in the value of '{PathNode.Render(path)}'");
        }

        return joined;
    }

    private string DescribeCycle(PathNode? target)
    {
        var chain = new List<string>();
        foreach (var path in _inProgressPaths)
        {
            if (path is null)
            {
                continue;
            }

            var text = PathNode.Render(path);
            if (chain.Count == 0 || chain[^1] != text)
            {
                chain.Add(text);
            }
        }

        var targetText = PathNode.Render(target);
        var start = chain.IndexOf(targetText);
        if (start > 0)
        {
            chain.RemoveRange(0, start);
        }

        chain.Add(targetText);
        return string.Join(" -> ", chain);
    }
}
