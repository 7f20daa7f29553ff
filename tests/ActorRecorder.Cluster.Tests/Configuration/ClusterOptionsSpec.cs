using ActorRecorder.Hocon;
using ActorRecorder.Testing;
using Akka.Configuration;
using Xunit;

namespace ActorRecorder.Cluster.Tests.Configuration;

/// <summary>actor-recorder.cluster: its defaults, environment overrides through the project's loader, and clear errors.</summary>
public sealed class ClusterOptionsSpec
{
    [Fact]
    public void The_defaults_come_from_reference_conf()
    {
        var options = ActorRecorderClusterOptions.FromConfig(Config.Empty);

        Assert.Equal("127.0.0.1", options.Hostname);
        Assert.Equal(2552, options.Port);
        Assert.Empty(options.SeedNodes);
        Assert.Equal("keep-majority", options.SplitBrainResolverStrategy);
        Assert.Equal(TimeSpan.FromSeconds(20), options.StableAfter);
        Assert.Null(options.Tls);
    }

    [Fact]
    public void Seed_nodes_come_from_an_environment_variable_as_one_comma_separated_string()
    {
        var variable = "ACTOR_RECORDER_SPEC_SEEDS_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "akka.tcp://actor-recorder@10.0.0.1:4053, akka.tcp://actor-recorder@10.0.0.2:4053");
        try
        {
            var config = HoconLoader.ParseString($$"""
                actor-recorder.cluster {
                  seed-nodes = []
                  seed-nodes = ${?{{variable}}}
                  port = 4053
                }
                """);

            var options = ActorRecorderClusterOptions.FromConfig(config);

            Assert.Equal(["akka.tcp://actor-recorder@10.0.0.1:4053", "akka.tcp://actor-recorder@10.0.0.2:4053"], options.SeedNodes);
            Assert.Equal(4053, options.Port);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Seed_nodes_and_roles_may_be_lists()
    {
        var options = ActorRecorderClusterOptions.FromConfig(HoconLoader.ParseString("""
            actor-recorder.cluster.seed-nodes = ["akka.tcp://actor-recorder@127.0.0.1:4053"]
            actor-recorder.cluster.roles = [web, recorder]
            """));

        Assert.Equal(["akka.tcp://actor-recorder@127.0.0.1:4053"], options.SeedNodes);
        Assert.Equal(["web", "recorder"], options.Roles);
    }

    [Theory]
    [InlineData("port = 70000", "actor-recorder.cluster.port", "70000")]
    [InlineData("port = twelve", "actor-recorder.cluster.port", "twelve")]
    [InlineData("hostname = \"\"", "actor-recorder.cluster.hostname", "''")]
    [InlineData("hostname = \"0.0.0.0\"", "actor-recorder.cluster.hostname", "reach")]
    [InlineData("split-brain-resolver.active-strategy = lease-majority", "split-brain-resolver.active-strategy", "lease-majority")]
    [InlineData("seed-nodes = [\"127.0.0.1:4053\"]", "actor-recorder.cluster.seed-nodes", "127.0.0.1:4053")]
    [InlineData("seed-nodes = [\"akka.tcp://actor-recorder@127.0.0.1\"]", "actor-recorder.cluster.seed-nodes", "must name a port")]
    [InlineData("seed-nodes = [\"akka.ssl.tcp://actor-recorder@127.0.0.1:4053\"]", "actor-recorder.cluster.seed-nodes", "must start akka.tcp://")]
    [InlineData("split-brain-resolver.active-strategy = keep-everyone", "split-brain-resolver.active-strategy", "keep-everyone")]
    [InlineData("split-brain-resolver.stable-after = 0s", "split-brain-resolver.stable-after", "positive")]
    [InlineData("view.refresh-interval = soon", "view.refresh-interval", "soon")]
    [InlineData("tls.certificate-path = /nowhere/cluster.pfx", "tls.certificate-path", "/nowhere/cluster.pfx")]
    public void A_bad_value_is_refused_naming_its_key_and_value(string setting, string key, string named)
    {
        var config = HoconLoader.ParseString($"actor-recorder.cluster.{setting}");

        var error = Assert.Throws<ConfigurationException>(() => ActorRecorderClusterOptions.FromConfig(config));

        Assert.Contains(key, error.Message);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void With_TLS_seeds_use_the_ssl_scheme_and_the_system_is_made_with_ToSetup()
    {
        using var directory = new TempDirectory();
        var pfx = directory.File("cluster.pfx");
        SelfSigned.WritePfx(pfx, "secret", clientAuthentication: true);
        var options = new ActorRecorderClusterOptions
        {
            Tls = new ClusterTlsOptions(pfx, "secret"),
            SeedNodes = ["akka.tcp://actor-recorder@127.0.0.1:4053"],
        };

        var scheme = Assert.Throws<ConfigurationException>(options.Validate);
        Assert.Contains("akka.ssl.tcp://", scheme.Message);

        options.SeedNodes = ["akka.ssl.tcp://actor-recorder@127.0.0.1:4053"];
        var toConfig = Assert.Throws<InvalidOperationException>(() => options.ToConfig());
        Assert.Contains("ToSetup", toConfig.Message);
        var setup = options.ToSetup();
        Assert.True(setup.Get<Akka.Remote.Transport.DotNetty.DotNettySslSetup>().HasValue);
    }

    [Fact]
    public void A_certificate_that_cannot_be_opened_is_named_with_its_path()
    {
        using var directory = new TempDirectory();
        var pfx = directory.File("cluster.pfx");
        SelfSigned.WritePfx(pfx, "secret", clientAuthentication: true);
        var options = new ActorRecorderClusterOptions { Tls = new ClusterTlsOptions(pfx, "not the password") };

        var error = Assert.Throws<ConfigurationException>(() => options.ToSetup());

        Assert.Contains("actor-recorder.cluster.tls.certificate-path", error.Message);
        Assert.Contains(pfx, error.Message);
    }

    [Fact]
    public void ToConfig_makes_a_cluster_node_bound_to_the_hostname_with_the_resolver_and_our_serializer()
    {
        var config = new ActorRecorderClusterOptions
        {
            Hostname = "127.0.0.2",
            Port = 4055,
            SeedNodes = ["akka.tcp://actor-recorder@127.0.0.1:4053"],
            Roles = ["web"],
            SplitBrainResolverStrategy = "keep-oldest",
        }.ToConfig();

        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
        Assert.Equal("127.0.0.2", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(4055, config.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal(["akka.tcp://actor-recorder@127.0.0.1:4053"], config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal(["web"], config.GetStringList("akka.cluster.roles"));
        Assert.Contains("SplitBrainResolverProvider", config.GetString("akka.cluster.downing-provider-class"));
        Assert.Equal("keep-oldest", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Contains(nameof(ClusterMessageSerializer), config.GetString("akka.actor.serializers.actor-recorder"));
        Assert.Contains(typeof(ClusterListenersProvider).FullName!, Assert.Single(config.GetStringList("akka.extensions")));
        Assert.False(config.GetBoolean("actor-recorder.cluster.join-self", false)); // it has a seed node
    }

    [Theory]
    [InlineData("", 12_000)]
    [InlineData("actor-recorder.drain.timeout = 30s", 32_000)]
    [InlineData("akka.coordinated-shutdown.phases.service-unbind.timeout = 7s", 7_000)]
    public void The_drains_phase_is_long_enough_before_Akka_Cluster_creates_CoordinatedShutdown(string rest, int phaseMilliseconds)
    {
        var setup = new ActorRecorderClusterOptions { Port = 0 }.ToSetup(HoconLoader.ParseString(rest));
        var config = setup.Get<Akka.Actor.BootstrapSetup>().Value.Config.Value;

        Assert.Equal(TimeSpan.FromMilliseconds(phaseMilliseconds), config.GetTimeSpan("akka.coordinated-shutdown.phases.service-unbind.timeout"));
    }

    [Fact]
    public void The_systems_own_extensions_are_kept_beside_ClusterListeners()
    {
        var setup = new ActorRecorderClusterOptions { Port = 0 }.ToSetup(HoconLoader.ParseString("akka.extensions = [\"Some.Extension, Some.Assembly\"]"));

        var extensions = setup.Get<Akka.Actor.BootstrapSetup>().Value.Config.Value.GetStringList("akka.extensions");

        Assert.Equal(2, extensions.Count);
        Assert.Equal("Some.Extension, Some.Assembly", extensions[0]);
        Assert.Contains(typeof(ClusterListenersProvider).FullName!, extensions[1]);
    }
}
