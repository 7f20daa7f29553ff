using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Readme.Tests;

/// <summary>Every C# block of README.md compiles, and those marked <c>```csharp run</c> run to the end.</summary>
public sealed class ReadmeSpec(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<ReadmeBlock>> Blocks = new(() => ReadmeBlock.Parse(File.ReadAllText(ReadmePath())));

    public static TheoryData<int> BlockLines()
    {
        var data = new TheoryData<int>();
        foreach (var block in Blocks.Value) data.Add(block.Line);
        return data;
    }

    [Fact]
    public void The_README_has_CSharp_blocks_and_some_of_them_run()
    {
        Assert.NotEmpty(Blocks.Value);
        Assert.Contains(Blocks.Value, b => b.Runs);
    }

    [Theory]
    [MemberData(nameof(BlockLines))]
    public async Task Each_block_compiles_and_the_runnable_ones_run(int line)
    {
        var block = Blocks.Value.Single(b => b.Line == line);
        var (assembly, errors) = ReadmeCompiler.Compile(block);
        Assert.True(errors.Count == 0, $"{block} does not compile:\n{string.Join('\n', errors)}");
        if (!block.Runs) return;
        var console = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            await ReadmeCompiler.RunAsync(assembly!, TimeSpan.FromMinutes(2));
        }
        finally
        {
            Console.SetOut(console);
            output.WriteLine(captured.ToString());
        }
    }

    [Fact]
    public void A_block_that_does_not_compile_is_reported_with_its_README_line()
    {
        var broken = ReadmeBlock.Parse("text\n```csharp\nvar x = 1;\nUndefinedThing();\n```\n").Single();
        var (assembly, errors) = ReadmeCompiler.Compile(broken);
        Assert.Null(assembly);
        Assert.Contains(errors, e => e.StartsWith("README.md(4,", StringComparison.Ordinal) && e.Contains("CS0103", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_runnable_block_that_throws_fails()
    {
        var failing = ReadmeBlock.Parse("```csharp run\nthrow new InvalidOperationException(\"the README is wrong\");\n```\n").Single();
        var (assembly, errors) = ReadmeCompiler.Compile(failing);
        Assert.Empty(errors);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadmeCompiler.RunAsync(assembly!, TimeSpan.FromSeconds(30)));
        Assert.Equal("the README is wrong", error.Message);
    }

    [Fact]
    public void A_fragment_compiles_inside_the_wrapper_it_names()
    {
        var fragment = ReadmeBlock.Parse("```csharp\n// fragment: an async method with an ActorSystem named system\nawait system.Terminate();\n```\n").Single();
        Assert.Equal("an async method with an ActorSystem named system", fragment.Wrapper);
        Assert.Empty(ReadmeCompiler.Compile(fragment).Errors);
    }

    /// <summary>README.md of the checkout: up from the test binaries to the folder that holds ActorRecorder.sln.</summary>
    private static string ReadmePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorRecorder.sln"))) return Path.Combine(dir.FullName, "README.md");
        }
        throw new FileNotFoundException("README.md not found: no folder above the test binaries holds ActorRecorder.sln.");
    }
}
