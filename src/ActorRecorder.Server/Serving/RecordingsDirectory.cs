namespace ActorRecorder.Server.Serving;

/// <summary>
/// The recordings directory as <c>/recordings/&lt;file&gt;</c> sees it: a request names a file by its path relative to the
/// directory, and gets it only when it is a regular file inside the directory once every symlink is followed.
/// </summary>
internal sealed class RecordingsDirectory(string root)
{
    private const int MaxLinkHops = 40;

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The directory's full path.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The file <paramref name="relative"/> names (segments separated by '/'), or null and why not.</summary>
    public string? Resolve(string relative, out string why)
    {
        why = "";
        if (relative.Length == 0) return Refuse("no file named", out why);
        if (relative.IndexOfAny(['%', '\\', '\0', ':']) >= 0) return Refuse("an encoded, backslash, NUL or drive character", out why);
        if (relative.StartsWith('/') || Path.IsPathRooted(relative)) return Refuse("an absolute path", out why);
        foreach (var segment in relative.Split('/'))
        {
            if (segment is "" or "." or "..") return Refuse($"the segment '{segment}'", out why);
        }
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!IsInside(full, Root)) return Refuse("a path outside the directory", out why);

        string real, realRoot;
        try
        {
            realRoot = RealPath(Root);
            real = RealPath(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse($"a path that cannot be resolved ({e.Message})", out why);
        }
        if (!IsInside(real, realRoot)) return Refuse($"a symlink that leads out of the directory (to {real})", out why);
        if (Directory.Exists(real) || !File.Exists(real)) return Refuse("no regular file there", out why);
        if (!OperatingSystem.IsWindows())
        {
            // A FIFO or a device would hang or leak; only regular files are served.
            var attributes = File.GetAttributes(real);
            if ((attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0) return Refuse("not a regular file", out why);
        }
        return real;
    }

    /// <summary>The newest recordings (<c>*.jsonl</c>), newest first, as paths relative to the directory with '/' separators.</summary>
    public IReadOnlyList<(string Relative, long Bytes, DateTime Modified)> Newest(int count)
    {
        if (!Directory.Exists(Root)) return [];
        try
        {
            return new DirectoryInfo(Root).EnumerateFiles("*.jsonl", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 4 })
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .Take(count)
                .Select(f => (Path.GetRelativePath(Root, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), f.Length, f.LastWriteTimeUtc))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? Refuse(string reason, out string why)
    {
        why = reason;
        return null;
    }

    private static bool IsInside(string path, string directory)
    {
        var withSeparator = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        return path.StartsWith(withSeparator, PathComparison);
    }

    /// <summary>The path with every symlink on the way followed (POSIX realpath, for paths that may not exist past some point).</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full) ?? "/";
        var pending = new LinkedList<string>(full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var hops = 0;
        while (pending.First is { } first)
        {
            var segment = first.Value;
            pending.RemoveFirst();
            if (segment == ".") continue;
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, segment);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++hops > MaxLinkHops) throw new IOException($"too many levels of symbolic links at {next}");
            var absolute = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            var root = Path.GetPathRoot(absolute) ?? "/";
            foreach (var part in absolute[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse()) pending.AddFirst(part);
            current = root;
        }
        return current;
    }
}
