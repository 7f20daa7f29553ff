namespace ActorRecorder.Testing;

/// <summary>A fresh directory per test under the system temp directory, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actor-recorder-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>A path for a file in the directory (not created).</summary>
    public string File(string name = "session.jsonl") => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="lines"/>, each followed by "\n", and returns the path.</summary>
    public string WriteLines(string name, params string[] lines)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }

    /// <summary>Removes the directory and what is in it, as far as the OS lets it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a recorder being torn down; the OS temp cleaner takes it.
        }
        catch (UnauthorizedAccessException)
        {
            // A directory a permission test made read-only.
        }
    }
}
