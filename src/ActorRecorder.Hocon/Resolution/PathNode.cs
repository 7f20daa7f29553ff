using ActorRecorder.Hocon.Paths;

namespace ActorRecorder.Hocon.Resolution;

/// <summary>
/// A path from the configuration root, linked to its parent so that descending during
/// resolution costs one small object instead of a copied array.
/// </summary>
internal sealed class PathNode(PathNode? parent, string key)
{
    public PathNode? Parent { get; } = parent;

    public string Key { get; } = key;

    public int Depth { get; } = (parent?.Depth ?? 0) + 1;

    /// <summary>Renders a path for messages; the root renders as "(root)".</summary>
    public static string Render(PathNode? node)
    {
        if (node is null)
        {
            return "(root)";
        }

        var segments = new string[node.Depth];
        for (var current = node; current is not null; current = current.Parent)
        {
            segments[current.Depth - 1] = current.Key;
        }

        return HoconPath.Render(segments);
    }

    /// <summary>True when both nodes spell the same path.</summary>
    public bool SameAs(PathNode other)
    {
        if (Depth != other.Depth)
        {
            return false;
        }

        PathNode? left = this;
        PathNode? right = other;
        while (left is not null && right is not null)
        {
            if (ReferenceEquals(left, right))
            {
                return true;
            }

            if (!string.Equals(left.Key, right.Key, StringComparison.Ordinal))
            {
                return false;
            }

            left = left.Parent;
            right = right.Parent;
        }

        return true;
    }
}
