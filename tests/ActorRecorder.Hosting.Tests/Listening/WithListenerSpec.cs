using System.Net;
using System.Net.Sockets;
using ActorRecorder.Hosting.Tests.Support;
using ActorRecorder.Http;
using ActorRecorder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Hosting.Tests.Listening;

/// <summary>Listeners added with <c>WithListener</c> start with the host and serve while it runs.</summary>
public sealed class WithListenerSpec(ITestOutputHelper output) : HostSpec(output)
{
    [Fact]
    public async Task A_listener_given_as_options_serves_while_the_host_runs()
    {
        var host = await StartHostAsync(akka => akka
            .WithActorRecorder()
            .WithListener("api", new ListenerOptions { Port = 0, Routes = SpecRoutes.Hello("options") }));

        using var client = Client(await PortOfAsync(host, "api"));
        Assert.Equal("hello from options", await client.GetStringAsync("/hello"));
        Assert.Equal(["api"], await ListenersOf(host).ListAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task Listeners_given_as_plain_arguments_and_as_a_function_serve_side_by_side()
    {
        var host = await StartHostAsync(akka => akka
            .WithListener("plain", 0, SpecRoutes.Hello("plain"))
            .WithListener("function", o => o with { Port = 0, Routes = SpecRoutes.Hello("function"), MaxClients = 7 }));

        using var plain = Client(await PortOfAsync(host, "plain"));
        using var function = Client(await PortOfAsync(host, "function"));
        Assert.Equal("hello from plain", await plain.GetStringAsync("/hello"));
        Assert.Equal("hello from function", await function.GetStringAsync("/hello"));
        Assert.Equal(["plain", "function"], await ListenersOf(host).ListAsync().WaitAsync(Patience)); // in the order added
    }

    [Fact]
    public async Task A_port_that_is_taken_fails_the_hosts_start_with_the_listeners_bind_error()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var host = BuildHost(akka => akka.WithListener("busy", port, SpecRoutes.Hello()));

        var error = await Assert.ThrowsAsync<ListenerBindException>(() => host.StartAsync().WaitAsync(Patience));

        Assert.Equal("busy", error.Listener);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_with_no_port_anywhere_fails_the_start_naming_the_key_and_both_ways_to_set_it()
    {
        var host = BuildHost(akka => akka.WithListener("portless", o => o with { Routes = SpecRoutes.Hello() }));

        var error = await Assert.ThrowsAsync<InvalidListenerOptionException>(() => host.StartAsync().WaitAsync(Patience));

        Assert.Equal("actor-recorder.listeners.portless.port", error.Key);
        Assert.Contains("${?PORT}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Port", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_and_names_are_refused_when_the_builder_runs_naming_what_is_wrong()
    {
        var builder = new Akka.Hosting.AkkaConfigurationBuilder(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), "invalid");

        var option = Assert.Throws<InvalidListenerOptionException>(() =>
            builder.WithListener("api", new ListenerOptions { Port = 70000, Routes = SpecRoutes.Hello() }));
        Assert.Equal(("api", "port"), (option.Listener, option.Key));

        var name = Assert.Throws<ArgumentException>(() => builder.WithListener("no/slash", 0, SpecRoutes.Hello()));
        Assert.Contains("'no/slash' is not a valid listener name", name.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_from_options_records_under_the_WithRecording_directory_unless_it_names_its_own()
    {
        using var shared = new TempDirectory();
        using var own = new TempDirectory();
        var host = await StartHostAsync(akka => akka
            .WithRecording(shared.Path)
            .WithListener("shared", new ListenerOptions { Port = 0, Routes = SpecRoutes.Hello() })
            .WithListener("own", new ListenerOptions { Port = 0, Routes = SpecRoutes.Hello(), RecordTo = own.Path }));

        foreach (var name in new[] { "shared", "own" })
        {
            using var socket = await ConnectAsync(await PortOfAsync(host, name), "/ws");
            Assert.Equal("ready", await ReceiveTextAsync(socket));
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(Patience);
        }
        await host.StopAsync().WaitAsync(Patience);

        Assert.Single(Directory.GetFiles(Path.Combine(shared.Path, "shared"), "*.jsonl"));
        Assert.Single(Directory.GetFiles(Path.Combine(own.Path, "own"), "*.jsonl"));
        Assert.False(Directory.Exists(Path.Combine(shared.Path, "own")));
    }
}
