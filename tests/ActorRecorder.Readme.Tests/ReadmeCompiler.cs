using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActorRecorder.Readme.Tests;

/// <summary>
/// Compiles README blocks with Roslyn against .NET 10's reference assemblies and the project's own assemblies (with
/// Akka, Akka.Hosting and the generic host, Akka's TestKit and xunit), as a user's new console project would: nullable
/// on, warnings as errors, the SDK's implicit usings. A block with top-level statements is a program; one without is a
/// library.
/// </summary>
public static class ReadmeCompiler
{
    /// <summary>The wrappers a fragment can name in its first line (<c>// fragment: name</c>): what its code is inside.</summary>
    public static IReadOnlyDictionary<string, (string Before, string After)> Wrappers { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["an async method with an ActorSystem named system"] = ("public static class Fragment { public static async System.Threading.Tasks.Task Run(Akka.Actor.ActorSystem system) {\n", "\n} }"),
    };

    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles <paramref name="block"/>; the bytes of the assembly, or the errors with their README line.</summary>
    public static (byte[]? Assembly, IReadOnlyList<string> Errors) Compile(ReadmeBlock block)
    {
        var (before, after) = block.Wrapper is { } name
            ? Wrappers.TryGetValue(name, out var wrapper) ? wrapper : throw new ArgumentException($"{block}: no wrapper named '{name}'; known: {string.Join(", ", Wrappers.Keys)}.")
            : ("", "");
        var code = before + block.Code + after;
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(code, options, path: "README.md");
        var program = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            $"Readme_{block.Line}",
            [tree, CSharpSyntaxTree.ParseText(ImplicitUsings, options)],
            References.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error,
                // As the SDK does: assembly-version unification notes are not a user's problem.
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        // Lines of the block count from its first line in README.md (the wrapper adds one line before it).
        var offset = block.Line - 1 - (before.Length == 0 ? 0 : before.Count(c => c == '\n'));
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"README.md({d.Location.GetLineSpan().StartLinePosition.Line + 1 + offset},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        return (result.Success ? output.ToArray() : null, errors);
    }

    /// <summary>Runs a compiled program's entry point in its own load context and waits for it, up to <paramref name="timeout"/>.</summary>
    public static async Task RunAsync(byte[] assembly, TimeSpan timeout)
    {
        var context = new AssemblyLoadContext("readme", isCollectible: true);
        try
        {
            var entry = context.LoadFromStream(new MemoryStream(assembly)).EntryPoint
                ?? throw new InvalidOperationException("The block has no entry point (no top-level statements).");
            var parameters = entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
            object? result;
            try
            {
                result = entry.Invoke(null, parameters);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
                throw;
            }
            if (result is Task task) await task.WaitAsync(timeout);
        }
        finally
        {
            context.Unload();
        }
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var ours = new[]
        {
            typeof(Otp.Supervisor).Assembly,
            typeof(Recording.Recorder).Assembly,
            typeof(Hocon.HoconParseOptions).Assembly,
            typeof(Http.Listeners).Assembly,
            typeof(Hosting.ActorRecorderHostingExtensions).Assembly,
            typeof(Cluster.ClusterListeners).Assembly,
            typeof(Akka.Cluster.Cluster).Assembly,
            typeof(Akka.Remote.RemoteSettings).Assembly,
            typeof(Akka.Actor.ActorSystem).Assembly,
            typeof(Akka.Hosting.AkkaConfigurationBuilder).Assembly,
            typeof(Microsoft.Extensions.Hosting.Host).Assembly,
            typeof(Microsoft.Extensions.Hosting.IHost).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection).Assembly,
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly,
            typeof(Akka.TestKit.TestKitBase).Assembly,
            typeof(Akka.TestKit.Xunit2.TestKit).Assembly,
            typeof(Xunit.Assert).Assembly,
            typeof(Xunit.FactAttribute).Assembly,
            typeof(Xunit.Abstractions.ITestOutputHelper).Assembly,
            typeof(Newtonsoft.Json.JsonConvert).Assembly,
        };
        return [.. Net100.References.All, .. ours.Distinct().Select(a => MetadataReference.CreateFromFile(a.Location))];
    }
}
