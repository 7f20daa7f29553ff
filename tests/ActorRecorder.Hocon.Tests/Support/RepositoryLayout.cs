namespace ActorRecorder.Hocon.Tests.Support;

/// <summary>Finds folders relative to the repository checkout the tests were built from.</summary>
internal static class RepositoryLayout
{
    /// <summary>The first directory above the test binaries that holds Directory.Build.props, or null.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Build.props")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>Where the shared conformance cases are expected: beside the checkout.</summary>
    public static string ConformanceFolder()
    {
        var root = FindRepositoryRoot()
            ?? throw new InvalidOperationException($"No Directory.Build.props found above {AppContext.BaseDirectory}; cannot locate the repository root");
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "hocon-conformance"));
    }
}
