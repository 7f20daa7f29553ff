using ActorRecorder.Hocon.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Conformance;

/// <summary>
/// Every .conf/.json file in each case folder of the shared conformance set must resolve to the
/// tree in that folder's original.json. Cases are discovered at test time, so new ones need no code.
/// </summary>
public sealed class ConformanceTests
{
    private const string MissingFolderMarker = "(conformance folder missing)";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (caseName, fileName) in RepositoryLayout.ConformanceCases(MissingFolderMarker))
        {
            data.Add(caseName, fileName);
        }

        return data;
    }

    [Fact]
    public void Conformance_folder_exists_beside_the_checkout()
    {
        var folder = RepositoryLayout.ConformanceFolder();
        Assert.True(Directory.Exists(folder), $"HOCON conformance cases not found; looked in {folder}");
        Assert.NotEmpty(Directory.GetDirectories(folder));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_resolves_to_the_original_tree(string caseName, string fileName)
    {
        if (caseName == MissingFolderMarker)
        {
            Assert.Fail($"HOCON conformance cases not found; looked in {fileName}");
        }

        var caseFolder = Path.Combine(RepositoryLayout.ConformanceFolder(), caseName);
        var expected = ReadJson(Path.Combine(caseFolder, "original.json"));

        var config = ConfigurationFactory.ParseFile(Path.Combine(caseFolder, fileName), TestConfig.NoEnvironment).Resolve();

        JsonTreeAssert.Equivalent(expected, config.ToJObject(), $"{caseName}/{fileName}");
    }

    private static JToken ReadJson(string path)
    {
        // Read the expectation with an independent JSON reader, keeping strings as strings.
        using var reader = new JsonTextReader(new StringReader(File.ReadAllText(path))) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
