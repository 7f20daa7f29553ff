namespace ActorRecorder.Hocon.Tests.Support;

/// <summary>Finds folders relative to the repository checkout the tests were built from.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFile = "ActorRecorder.sln";

    /// <summary>The first directory above the test binaries that holds ActorRecorder.sln, or null.</summary>
    public static string? FindSolutionRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>Where the shared conformance cases are expected: <c>../shared/hocon-conformance</c> from the solution folder.</summary>
    public static string ConformanceFolder()
    {
        var root = FindSolutionRoot()
            ?? throw new InvalidOperationException($"No {SolutionFile} found above {AppContext.BaseDirectory}; cannot locate the repository root");
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "hocon-conformance"));
    }

    /// <summary>
    /// Every conformance case as (case folder name, file name): each top-level .conf or .json file
    /// other than original.json. When the folder is missing, one marker case carries the reason,
    /// so the theory fails visibly instead of running nothing.
    /// </summary>
    public static IEnumerable<(string CaseName, string FileName)> ConformanceCases(string missingMarker)
    {
        string folder;
        try
        {
            folder = ConformanceFolder();
        }
        catch (InvalidOperationException e)
        {
            return [(missingMarker, e.Message)];
        }

        if (!Directory.Exists(folder))
        {
            return [(missingMarker, folder)];
        }

        var cases = new List<(string, string)>();
        foreach (var caseFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(caseFolder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var extension = Path.GetExtension(file);
                if (name != "original.json" && (extension == ".conf" || extension == ".json"))
                {
                    cases.Add((Path.GetFileName(caseFolder), name));
                }
            }
        }

        return cases;
    }
}
