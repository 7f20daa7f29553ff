using ActorRecorder.Hocon.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Conformance;

/// <summary>
/// Every .conf/.json file of every case folder in the shared conformance set, loaded through
/// <see cref="HoconLoader"/>, must give an Akka <c>Config</c> holding exactly the tree of that
/// folder's original.json: checked node by node through Akka's object model and Akka's getters.
/// Cases are discovered when the tests run, so new ones need no code.
/// </summary>
public sealed class AkkaConformanceTests
{
    private const string MissingFolderMarker = "(conformance folder missing)";

    private static readonly HoconParseOptions NoEnvironment = TestConfig.NoEnvironment;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (caseName, fileName) in RepositoryLayout.ConformanceCases(MissingFolderMarker))
        {
            data.Add(caseName, fileName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_loads_into_an_Akka_config_holding_the_original_tree(string caseName, string fileName)
    {
        if (caseName == MissingFolderMarker)
        {
            Assert.Fail($"HOCON conformance cases not found; looked in {fileName}");
        }

        var caseFolder = Path.Combine(RepositoryLayout.ConformanceFolder(), caseName);
        var expected = ReadJson(Path.Combine(caseFolder, "original.json"));

        var config = HoconLoader.ParseFile(Path.Combine(caseFolder, fileName), NoEnvironment);

        AkkaTreeAssert.Equivalent(expected, config, $"{caseName}/{fileName}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_text_loads_the_same_through_ParseString(string caseName, string fileName)
    {
        if (caseName == MissingFolderMarker)
        {
            Assert.Fail($"HOCON conformance cases not found; looked in {fileName}");
        }

        var caseFolder = Path.Combine(RepositoryLayout.ConformanceFolder(), caseName);
        var expected = ReadJson(Path.Combine(caseFolder, "original.json"));
        var options = NoEnvironment with { IncludeBaseDirectory = caseFolder };

        var config = HoconLoader.ParseString(File.ReadAllText(Path.Combine(caseFolder, fileName)), options, fileName);

        AkkaTreeAssert.Equivalent(expected, config, $"{caseName}/{fileName} (as a string)");
    }

    [Fact]
    public void Every_case_folder_has_an_original_and_at_least_one_equivalent()
    {
        var folder = RepositoryLayout.ConformanceFolder();
        Assert.True(Directory.Exists(folder), $"HOCON conformance cases not found; looked in {folder}");
        foreach (var caseFolder in Directory.GetDirectories(folder))
        {
            Assert.True(File.Exists(Path.Combine(caseFolder, "original.json")), $"{caseFolder} has no original.json");
            Assert.Contains(RepositoryLayout.ConformanceCases(MissingFolderMarker), c => c.CaseName == Path.GetFileName(caseFolder));
        }
    }

    private static JToken ReadJson(string path)
    {
        // Read the expectation with an independent JSON reader, keeping strings as strings.
        using var reader = new JsonTextReader(new StringReader(File.ReadAllText(path))) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
