namespace ActorRecorder.Server.Recordings;

/// <summary>The warning replay and export give for the malformed lines they skip.</summary>
internal static class MalformedWarning
{
    /// <summary>Past this many, line numbers are summed up: a broken file should not flood the terminal.</summary>
    private const int Listed = 20;

    public static async Task WriteAsync(TextWriter stderr, string path, IReadOnlyList<MalformedLine> malformed)
    {
        if (malformed.Count == 0) return;
        var numbers = string.Join(", ", malformed.Take(Listed).Select(m => m.Line));
        var more = malformed.Count > Listed ? $" and {malformed.Count - Listed} more" : string.Empty;
        var lines = malformed.Count == 1 ? "line" : "lines";
        await stderr.WriteLineAsync($"warning: skipped {malformed.Count} malformed {lines} of '{path}': {lines} {numbers}{more} (run 'inspect' for details)").ConfigureAwait(false);
    }
}
