using System.Net;
using System.Net.Sockets;
using ActorRecorder.Http.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Listening;

/// <summary>roadrunner's listener API: start, stop, list, info, and the errors of start.</summary>
public sealed class ListenerApiSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private static Routes Hello(string text = "hello") => new Routes().Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text(text)), "GET");

    [Fact]
    public async Task A_started_listener_serves_on_the_port_the_system_chose_and_is_listed()
    {
        var info = await StartAsync("web", Hello());
        Assert.Equal("web", info.Name);
        Assert.NotEqual(0, info.Port);
        Assert.Equal(IPAddress.Loopback, info.Endpoint.Address);
        using var client = Client(info);
        Assert.Equal("hello", await client.GetStringAsync("/hello"));
        Assert.Equal(["web"], await Listeners.ListAsync());
        var stats = await Listeners.InfoAsync("web");
        Assert.NotNull(stats);
        Assert.Equal(ListenerStatus.Accepting, stats.Status);
        Assert.Equal(1, stats.RequestsServed);
    }

    [Fact]
    public async Task Stop_closes_the_port_and_removes_the_listener_and_a_second_stop_is_false()
    {
        var info = await StartAsync("web", Hello());
        Assert.True(await Listeners.StopAsync("web"));
        Assert.Empty(await Listeners.ListAsync());
        Assert.Null(await Listeners.InfoAsync("web"));
        using var tcp = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => tcp.ConnectAsync(IPAddress.Loopback, info.Port));
        Assert.False(await Listeners.StopAsync("web"));
        // The name is free again.
        var again = await StartAsync("web", Hello("again"));
        using var client = Client(again);
        Assert.Equal("again", await client.GetStringAsync("/hello"));
    }

    [Fact]
    public async Task Two_listeners_serve_at_once_on_their_own_ports()
    {
        var a = await StartAsync("a", Hello("from a"));
        var b = await StartAsync("b", Hello("from b"));
        using var clientA = Client(a);
        using var clientB = Client(b);
        Assert.Equal("from a", await clientA.GetStringAsync("/hello"));
        Assert.Equal("from b", await clientB.GetStringAsync("/hello"));
        Assert.Equal(["a", "b"], await Listeners.ListAsync());
    }

    [Fact]
    public async Task Starting_a_name_twice_is_ListenerAlreadyStartedException()
    {
        await StartAsync("web", Hello());
        var error = await Assert.ThrowsAsync<ListenerAlreadyStartedException>(() => StartAsync("web", Hello()));
        Assert.Equal("web", error.Listener);
        Assert.Contains("'web'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_a_bind_error_naming_the_listener_and_the_cause_and_the_name_stays_free()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var error = await Assert.ThrowsAsync<ListenerBindException>(() => StartAsync("web", Hello(), o => o with { Port = port }));
        Assert.Equal("web", error.Listener);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Listeners.ListAsync());
    }

    [Fact]
    public async Task An_address_that_is_not_this_hosts_is_a_bind_error()
    {
        var error = await Assert.ThrowsAsync<ListenerBindException>(() =>
            StartAsync("web", Hello(), o => o with { Address = IPAddress.Parse("192.0.2.1") })); // TEST-NET-1: never assigned
        Assert.Contains("192.0.2.1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("port")]
    [InlineData("max-clients")]
    [InlineData("max-message-size")]
    [InlineData("protocols")]
    [InlineData("tls.certificate-path")]
    public async Task An_invalid_option_is_refused_with_its_key_value_and_reason(string key)
    {
        Func<ListenerOptions, ListenerOptions> invalid = key switch
        {
            "port" => o => o with { Port = 70000 },
            "max-clients" => o => o with { MaxClients = 0 },
            "max-message-size" => o => o with { MaxFrameSize = 4096, MaxMessageSize = 1024 },
            "protocols" => o => o with { Protocols = ListenerProtocols.Http1AndHttp2 },
            _ => o => o with { Tls = new TlsOptions { CertificatePath = "/nonexistent/cert.pfx" } },
        };
        var error = await Assert.ThrowsAsync<InvalidListenerOptionException>(() => StartAsync("web", Hello(), invalid));
        Assert.Equal("web", error.Listener);
        Assert.Equal(key, error.Key);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Empty(await Listeners.ListAsync());
    }

    [Fact]
    public async Task A_crashed_listener_is_restarted_on_its_port_and_the_other_listener_is_untouched()
    {
        var crashing = await StartAsync("crashing", Hello("crashing"));
        var other = await StartAsync("other", Hello("other"));
        var listeners = await Recording.RootSupervisor.Get(Sys).ListenersAsync();
        var children = await Otp.SupervisorExtensions.WhichChildrenAsync(listeners);
        var crashingRef = children.Single(c => c.Id == "crashing").Child!;
        var otherRef = children.Single(c => c.Id == "other").Child!;
        Watch(crashingRef);
        crashingRef.Tell(Akka.Actor.Kill.Instance, Akka.Actor.ActorRefs.NoSender);
        // Restarted in place (one_for_one): the same ref, a new server bound to the same port.
        await AwaitAssertAsync(async () =>
        {
            using var client = Client(crashing);
            Assert.Equal("crashing", await client.GetStringAsync("/hello"));
            Assert.Equal(ListenerStatus.Accepting, (await Listeners.InfoAsync("crashing"))!.Status);
        }, Patience);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // no Terminated: it was restarted, not replaced
        Assert.Equal(otherRef, (await Otp.SupervisorExtensions.WhichChildrenAsync(listeners)).Single(c => c.Id == "other").Child);
        using var otherClient = Client(other);
        Assert.Equal("other", await otherClient.GetStringAsync("/hello"));
    }
}
