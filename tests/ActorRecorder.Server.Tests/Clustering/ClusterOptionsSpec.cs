using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Clustering;
using ActorRecorder.Server.Serving;
using ActorRecorder.Server.Tests.Support;
using ActorRecorder.Testing;
using Xunit;

namespace ActorRecorder.Server.Tests.Clustering;

/// <summary>serve's cluster options and the config's actor-recorder.cluster section: when the cluster is on, and bad values.</summary>
public sealed class ClusterOptionsSpec : IDisposable
{
    private const string Seed = "akka.tcp://actor-recorder@127.0.0.1:4053";
    private readonly TempDirectory _directory = new();

    private string Recordings => Path.Combine(_directory.Path, "recordings");

    [Theory]
    [InlineData("--cluster-port 70000", "--cluster-port", "70000")]
    [InlineData("--cluster-port four", "--cluster-port", "four")]
    [InlineData("--cluster-host bad_host!", "--cluster-host", "bad_host!")]
    [InlineData("--seed 127.0.0.1:4053", "--seed", "127.0.0.1:4053")]
    [InlineData("--seed akka.tcp://other-system@127.0.0.1:4053", "--seed", "akka.tcp://other-system@127.0.0.1:4053")]
    [InlineData("--seed akka.tcp://actor-recorder@127.0.0.1:0", "--seed", "akka.tcp://actor-recorder@127.0.0.1:0")]
    public async Task A_bad_cluster_option_exits_with_2_and_names_it_and_its_value(string args, string option, string value)
    {
        var run = await CliRunner.RunAsync(["serve", "--recordings", Recordings, .. args.Split(' ')]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("enabled = maybe", "actor-recorder.cluster.enabled", "maybe")]
    [InlineData("enabled = on\nport = 99999", "actor-recorder.cluster.port", "99999")]
    [InlineData("seed-nodes = \"akka.tcp://actor-recorder@127.0.0.1\"", "actor-recorder.cluster.seed-nodes", "akka.tcp://actor-recorder@127.0.0.1")]
    [InlineData("enabled = on\nsplit-brain-resolver.active-strategy = coin-toss", "actor-recorder.cluster.split-brain-resolver.active-strategy", "coin-toss")]
    public async Task A_bad_cluster_value_in_the_config_exits_with_2_naming_the_file_the_key_and_the_value(string section, string key, string value)
    {
        var config = Config($"actor-recorder.cluster {{\n{section}\n}}\n");

        var run = await CliRunner.RunAsync("serve", "--config", config, "--recordings", Recordings);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(config, run.Error, StringComparison.Ordinal);
        Assert.Contains(key, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_config_is_no_cluster_node()
    {
        var settings = ServeSettings.Read(null, null, 0, Recordings, null);

        Assert.Null(settings.Cluster);
    }

    [Fact]
    public void Any_cluster_option_makes_a_node_and_the_command_line_wins_over_the_config()
    {
        var config = Config("actor-recorder.cluster { port = 4100, hostname = \"localhost\", seed-nodes = [\"akka.tcp://actor-recorder@127.0.0.1:4100\"] }\n");

        var onlyPort = ServeSettings.Read(null, null, 0, Recordings, null, new ClusterArguments(0, null, []));
        var overridden = ServeSettings.Read(config, null, 0, Recordings, null, new ClusterArguments(4200, "127.0.0.1", [Seed]));

        Assert.NotNull(onlyPort.Cluster);
        Assert.Equal(0, onlyPort.Cluster.Port);
        Assert.Empty(onlyPort.Cluster.SeedNodes); // joins itself
        Assert.NotNull(overridden.Cluster);
        Assert.Equal(4200, overridden.Cluster.Port);
        Assert.Equal("127.0.0.1", overridden.Cluster.Hostname);
        Assert.Equal([Seed], overridden.Cluster.SeedNodes);
    }

    [Fact]
    public void Seeds_from_the_environment_turn_the_cluster_on_through_the_file()
    {
        var config = Config("actor-recorder.cluster {\n  seed-nodes = []\n  seed-nodes = ${?ACTOR_RECORDER_SPEC_SEEDS}\n}\n");
        Environment.SetEnvironmentVariable("ACTOR_RECORDER_SPEC_SEEDS", $"{Seed}, akka.tcp://actor-recorder@127.0.0.1:4054");
        try
        {
            var settings = ServeSettings.Read(config, null, 0, Recordings, null);

            Assert.NotNull(settings.Cluster);
            Assert.Equal([Seed, "akka.tcp://actor-recorder@127.0.0.1:4054"], settings.Cluster.SeedNodes);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ACTOR_RECORDER_SPEC_SEEDS", null);
        }
    }

    public void Dispose() => _directory.Dispose();

    private string Config(string text)
    {
        var path = Path.Combine(_directory.Path, $"cluster-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, text);
        return path;
    }
}
