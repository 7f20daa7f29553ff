using ActorRecorder.Hocon;
using ActorRecorder.Hosting.Tests.Support;
using ActorRecorder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Hosting.Tests.Configuration;

/// <summary><c>AddHoconFile</c> reads with the project's conformant loader, wins over what came before, and fails the start clearly.</summary>
public sealed class HoconFileSpec(ITestOutputHelper output) : HostSpec(output)
{
    [Fact]
    public async Task A_port_from_an_environment_variable_in_a_HOCON_file_configures_the_listener()
    {
        using var directory = new TempDirectory();
        var variable = $"ACTOR_RECORDER_SPEC_PORT_{Guid.NewGuid():N}";
        var port = FreePorts.One();
        // Akka's own parser would drop everything after ${?...}: the key after it proves the whole file was read.
        var file = directory.WriteLines("app.conf",
            "actor-recorder.listeners.api {",
            "  port = 1",
            $"  port = ${{?{variable}}}",
            "  max-clients = 3",
            "}");
        Environment.SetEnvironmentVariable(variable, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var host = await StartHostAsync(akka => akka
                .AddHoconFile(file)
                .WithListener("api", o => o with { Routes = SpecRoutes.Hello("the file") }));

            Assert.Equal(port, await PortOfAsync(host, "api"));
            using var client = Client(port);
            Assert.Equal("hello from the file", await client.GetStringAsync("/hello"));
            Assert.Equal(3, SystemOf(host).Settings.Config.GetInt("actor-recorder.listeners.api.max-clients"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task A_file_wins_over_the_reference_defaults_and_over_what_was_added_before_it_and_later_calls_win_over_it()
    {
        using var directory = new TempDirectory();
        var file = directory.WriteLines("app.conf", "actor-recorder.drain.timeout = 4s", "actor-recorder.otp.call-timeout = 2s");

        var host = await StartHostAsync(akka => akka
            .WithActorRecorder(o => o.DrainTimeout = TimeSpan.FromSeconds(30))
            .AddHoconFile(file)
            .WithActorRecorder(o => o.CallTimeout = TimeSpan.FromSeconds(3)));

        var config = SystemOf(host).Settings.Config;
        Assert.Equal(TimeSpan.FromSeconds(4), ListenersOf(host).ShutdownDrainTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetTimeSpan("actor-recorder.otp.call-timeout"));
        Assert.Equal(100, config.GetInt("actor-recorder.recorder.flush-entries")); // reference.conf, below them all
    }

    [Fact]
    public async Task A_missing_file_fails_the_hosts_start_naming_the_path()
    {
        using var directory = new TempDirectory();
        var missing = Path.Combine(directory.Path, "missing.conf");
        var host = BuildHost(akka => akka.AddHoconFile(missing).WithActorRecorder());

        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => host.StartAsync().WaitAsync(Patience));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_fails_the_hosts_start_naming_the_path_the_line_and_the_column()
    {
        using var directory = new TempDirectory();
        var file = directory.WriteLines("broken.conf", "actor-recorder {", "  drain.timeout = 5s", "  listeners { api { port = 8080 }", "}}}");
        var host = BuildHost(akka => akka.AddHoconFile(file).WithActorRecorder());

        var error = await Assert.ThrowsAsync<HoconParseException>(() => host.StartAsync().WaitAsync(Patience));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.StartsWith($"{error.Origin}:4:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_in_the_file_fails_the_hosts_start_naming_the_key_and_the_value()
    {
        using var directory = new TempDirectory();
        var file = directory.WriteLines("app.conf", "actor-recorder.drain.timeout = soon");
        var host = BuildHost(akka => akka.AddHoconFile(file).WithActorRecorder());

        var error = await Assert.ThrowsAsync<Akka.Configuration.ConfigurationException>(() => host.StartAsync().WaitAsync(Patience));

        Assert.Contains("actor-recorder.drain.timeout = 'soon'", error.Message, StringComparison.Ordinal);
    }
}
