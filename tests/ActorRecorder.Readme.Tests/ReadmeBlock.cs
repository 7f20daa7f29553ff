using System.Text.RegularExpressions;

namespace ActorRecorder.Readme.Tests;

/// <summary>
/// One C# block of README.md. Its fence says how it is checked: <c>```csharp</c> is a whole program that must
/// compile; <c>```csharp run</c> is one that must also run to the end without an exception. A block whose first
/// line is <c>// fragment: &lt;wrapper&gt;</c> is a piece of code that compiles inside that wrapper (see <see cref="ReadmeCompiler.Wrappers"/>).
/// </summary>
public sealed partial record ReadmeBlock(int Line, string Code, bool Runs, string? Wrapper)
{
    /// <summary>The C# blocks of <paramref name="markdown"/>, with the line their code starts on.</summary>
    public static IReadOnlyList<ReadmeBlock> Parse(string markdown)
    {
        var blocks = new List<ReadmeBlock>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success) continue;
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```") end++;
            if (end == lines.Length) throw new FormatException($"README.md line {i + 1}: the ```csharp block is never closed.");
            var code = string.Join('\n', lines[start..end]);
            var wrapper = lines[start] is var first && first.StartsWith("// fragment:", StringComparison.Ordinal)
                ? first["// fragment:".Length..].Trim()
                : null;
            blocks.Add(new ReadmeBlock(start + 1, code, fence.Groups["run"].Success, wrapper));
            i = end;
        }
        return blocks;
    }

    /// <inheritdoc />
    public override string ToString() => $"README.md line {Line}{(Runs ? " (run)" : "")}{(Wrapper is null ? "" : $" (in {Wrapper})")}";

    [GeneratedRegex(@"^```csharp(?<run>\s+run)?\s*$")]
    private static partial Regex Fence();
}
