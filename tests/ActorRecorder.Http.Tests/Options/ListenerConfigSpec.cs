using System.Globalization;
using System.Net;
using ActorRecorder.Hocon;
using ActorRecorder.Http.Tests.Support;
using Akka.Configuration.Hocon;
using ActorRecorder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Options;

/// <summary>
/// Listener options from HOCON (<c>actor-recorder.listeners.&lt;name&gt;</c> over <c>actor-recorder.http</c>), loaded with
/// the project's HoconLoader, and the <c>actor-recorder.http</c> defaults of <c>hocon/reference.conf</c>.
/// </summary>
public sealed class ListenerConfigSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private static readonly Routes Hello = new Routes().Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text("hello")), "GET");

    /// <summary>The listener section of the brief, its port overridable by <paramref name="variable"/>.</summary>
    private static string Web(string variable) => $$"""
        actor-recorder.listeners.web { port = 0, port = ${?{{variable}}} , max-clients = 7, websocket.max-message-size = 2MiB, protocols = http2 }
        """;

    /// <summary>A variable name no other spec or run uses, unset while <paramref name="body"/> runs unless a value is given, then restored.</summary>
    private static async Task WithVariableAsync(string? value, Func<string, Task> body)
    {
        var name = $"AR_TEST_PORT_{Guid.NewGuid():N}";
        var before = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            await body(name);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, before);
        }
    }

    [Fact]
    public Task A_listener_section_gives_its_options_over_the_defaults_and_port_0_when_the_variable_is_unset() =>
        WithVariableAsync(null, variable =>
        {
            var options = ListenerOptions.FromConfig(HoconLoader.ParseString(Web(variable)), "web", Hello);
            var expected = new ListenerOptions
            {
                Port = 0,
                Routes = Hello,
                MaxClients = 7,
                MaxMessageSize = 2 * 1024 * 1024,
                Protocols = ListenerProtocols.Http2,
            };
            Assert.Equal(expected, options);
            return Task.CompletedTask;
        });

    [Fact]
    public Task The_environment_variable_sets_the_port_when_it_is_set() =>
        WithVariableAsync(FreePorts.One().ToString(CultureInfo.InvariantCulture), variable =>
        {
            var port = int.Parse(Environment.GetEnvironmentVariable(variable)!, CultureInfo.InvariantCulture);
            var options = ListenerOptions.FromConfig(HoconLoader.ParseString(Web(variable)), "web", Hello);
            Assert.Equal(port, options.Port);
            Assert.NotEqual(0, options.Port);
            Assert.Equal(7, options.MaxClients);
            Assert.Equal(2 * 1024 * 1024, options.MaxMessageSize);
            Assert.Equal(ListenerProtocols.Http2, options.Protocols);
            return Task.CompletedTask;
        });

    [Fact]
    public Task Options_loaded_from_hocon_start_a_listener_that_serves_prior_knowledge_h2c() =>
        WithVariableAsync(null, async variable =>
        {
            // Validate wants max-message-size >= max-frame-size, whose default is 10MiB: the frame size comes down with the message size.
            var options = ListenerOptions.FromConfig(HoconLoader.ParseString(Web(variable) + "\nactor-recorder.listeners.web.websocket.max-frame-size = 1MiB"), "web", Hello);
            Assert.Equal((1024 * 1024, 2 * 1024 * 1024), (options.MaxFrameSize, options.MaxMessageSize));
            var info = await Listeners.StartAsync("web", options);
            Assert.NotEqual(0, info.Port);
            Assert.Equal(ListenerProtocols.Http2, info.Protocols);
            using var client = Client(info);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/hello") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpVersion.Version20, response.Version);
            Assert.Equal("hello", await response.Content.ReadAsStringAsync());
            Assert.Equal(1, (await Listeners.InfoAsync("web"))!.RequestsServed);
        });

    [Fact]
    public void A_value_of_the_wrong_kind_names_the_full_path_and_the_value()
    {
        var config = HoconLoader.ParseString("actor-recorder.listeners.web { port = 0, max-clients = lots }");
        var error = Assert.Throws<InvalidListenerOptionException>(() => ListenerOptions.FromConfig(config, "web", Hello));
        Assert.Equal("web", error.Listener);
        Assert.Equal("actor-recorder.listeners.web.max-clients", error.Key);
        Assert.Equal("lots", error.Value);
        Assert.Contains("actor-recorder.listeners.web.max-clients", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"lots\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_value_in_the_defaults_section_names_the_defaults_path()
    {
        var config = HoconLoader.ParseString("""
            actor-recorder.http { request-timeout = soon }
            actor-recorder.listeners.web { port = 0 }
            """);
        var error = Assert.Throws<InvalidListenerOptionException>(() => ListenerOptions.FromConfig(config, "web", Hello));
        Assert.Equal("actor-recorder.http.request-timeout", error.Key);
        Assert.Equal("soon", error.Value);
    }

    [Fact]
    public void A_missing_section_is_an_InvalidListenerOptionException_naming_it()
    {
        var config = HoconLoader.ParseString("actor-recorder.listeners.other { port = 0 }");
        var error = Assert.Throws<InvalidListenerOptionException>(() => ListenerOptions.FromConfig(config, "web", Hello));
        Assert.Equal("web", error.Listener);
        Assert.Equal("actor-recorder.listeners.web", error.Key);
        Assert.Contains("no such section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_without_a_port_is_refused_as_port_required()
    {
        var config = HoconLoader.ParseString("actor-recorder.listeners.web { max-clients = 7 }");
        var error = Assert.Throws<InvalidListenerOptionException>(() => ListenerOptions.FromConfig(config, "web", Hello));
        Assert.Equal("actor-recorder.listeners.web.port", error.Key);
        Assert.Equal("required", error.Reason);
    }

    [Theory]
    [InlineData("max-request-line-size")]
    [InlineData("max-header-block-size")]
    [InlineData("websocket.max-frame-size")]
    [InlineData("websocket.max-message-size")]
    public void A_size_over_2GiB_for_an_int_option_is_refused_not_wrapped_around(string key)
    {
        // 5GiB would wrap around to 1GiB as an int.
        var config = HoconLoader.ParseString($"actor-recorder.listeners.web {{ port = 0, {key} = 5GiB }}");
        var error = Assert.Throws<InvalidListenerOptionException>(() => ListenerOptions.FromConfig(config, "web", Hello));
        Assert.Equal($"actor-recorder.listeners.web.{key}", error.Key);
        Assert.Equal("5GiB", error.Value);
    }

    [Fact]
    public void A_listeners_own_key_wins_over_actor_recorder_http_which_wins_over_the_built_in_default()
    {
        var config = HoconLoader.ParseString("""
            actor-recorder.http { max-clients = 3, socket-backlog = 16, websocket.per-message-deflate = off }
            actor-recorder.listeners.web { port = 0, max-clients = 9 }
            """);
        var options = ListenerOptions.FromConfig(config, "web", Hello);
        Assert.Equal(9, options.MaxClients);
        Assert.Equal(16, options.SocketBacklog);
        Assert.False(options.PerMessageDeflate);
        Assert.Equal(new ListenerOptions { Port = 0 }.MaxHeaderCount, options.MaxHeaderCount);
    }

    [Fact]
    public void The_reference_conf_defaults_are_those_of_ListenerOptions()
    {
        // reference.conf as the product embeds it (and adds to every system's config), read by the project's loader.
        var reference = HoconLoader.FromResource(typeof(Recording.Recorder).Assembly, "ActorRecorder.reference.conf");
        var config = HoconLoader.ParseString("actor-recorder.listeners.web { port = 0 }").WithFallback(reference);
        Assert.Equal(new ListenerOptions { Port = 0, Routes = Hello }, ListenerOptions.FromConfig(config, "web", Hello));
        Assert.True(reference.HasPath("actor-recorder.listeners"), "reference.conf has no actor-recorder.listeners section");
        Assert.Empty(reference.GetConfig("actor-recorder.listeners").AsEnumerable());
    }

    /// <summary>Each key FromConfig reads, a value other than its default, and the option it gives as text.</summary>
    public static TheoryData<string, string, string> Keys => new()
    {
        { "address", "\"127.0.0.2\"", "127.0.0.2" },
        { "max-clients", "3", "3" },
        { "request-timeout", "5s", "00:00:05" },
        { "keep-alive-timeout", "2m", "00:02:00" },
        { "max-content-length", "1MiB", "1048576" },
        { "max-request-line-size", "4KiB", "4096" },
        { "max-header-line-size", "2KiB", "2048" },
        { "max-header-block-size", "20KiB", "20480" },
        { "max-header-count", "50", "50" },
        { "min-bytes-per-second", "0", "0" },
        { "socket-backlog", "64", "64" },
        { "protocols", "http1-and-http2", "Http1AndHttp2" },
        { "tls.certificate-path", "\"/certs/server.pfx\"", "/certs/server.pfx" },
        { "tls.password", "secret", "secret" },
        { "tls.key-path", "\"/certs/server.key\"", "/certs/server.key" },
        { "websocket.max-frame-size", "64KiB", "65536" },
        { "websocket.max-message-size", "1MiB", "1048576" },
        { "websocket.per-message-deflate", "off", "False" },
        { "record-to", "\"/var/recordings\"", "/var/recordings" },
        { "max-keep-alive-requests", "10", "10" },
        { "rate-limit.permits-per-second", "5", "5" },
        { "rate-limit.burst", "9", "9" },
        { "cors.allowed-origins", "[\"https://a.example\"]", "https://a.example" },
        { "cors.allowed-methods", "[GET, POST]", "GET,POST" },
        { "cors.allowed-headers", "[X-Trace]", "X-Trace" },
        { "cors.allow-credentials", "on", "True" },
        { "compression", "on", "True" },
        { "static-files", "\"/srv/site\"", "/srv/site" },
    };

    private static string? Option(ListenerOptions options, string key) => key switch
    {
        "address" => options.Address.ToString(),
        "max-clients" => Text(options.MaxClients),
        "request-timeout" => options.RequestTimeout.ToString("c", CultureInfo.InvariantCulture),
        "keep-alive-timeout" => options.KeepAliveTimeout.ToString("c", CultureInfo.InvariantCulture),
        "max-content-length" => Text(options.MaxContentLength),
        "max-request-line-size" => Text(options.MaxRequestLineSize),
        "max-header-line-size" => Text(options.MaxHeaderLineSize),
        "max-header-block-size" => Text(options.MaxHeaderBlockSize),
        "max-header-count" => Text(options.MaxHeaderCount),
        "min-bytes-per-second" => Text(options.MinBytesPerSecond),
        "socket-backlog" => Text(options.SocketBacklog),
        "protocols" => options.Protocols.ToString(),
        "tls.certificate-path" => options.Tls?.CertificatePath,
        "tls.password" => options.Tls?.Password,
        "tls.key-path" => options.Tls?.KeyPath,
        "websocket.max-frame-size" => Text(options.MaxFrameSize),
        "websocket.max-message-size" => Text(options.MaxMessageSize),
        "websocket.per-message-deflate" => options.PerMessageDeflate.ToString(),
        "record-to" => options.RecordTo,
        "max-keep-alive-requests" => Text(options.MaxKeepAliveRequests),
        "rate-limit.permits-per-second" => options.RateLimit is { } l ? Text(l.PermitsPerSecond) : null,
        "rate-limit.burst" => options.RateLimit?.Burst is { } b ? Text(b) : null,
        "cors.allowed-origins" => options.Cors is { } c ? string.Join(',', c.AllowedOrigins) : null,
        "cors.allowed-methods" => options.Cors is { } c ? string.Join(',', c.AllowedMethods) : null,
        "cors.allowed-headers" => options.Cors is { } c ? string.Join(',', c.AllowedHeaders) : null,
        "cors.allow-credentials" => options.Cors?.AllowCredentials.ToString(),
        "compression" => options.Compression.ToString(),
        "static-files" => options.StaticFiles,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a key of actor-recorder.http"),
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Keys))]
    public void Each_key_in_a_listener_section_sets_its_option(string key, string value, string expected)
    {
        // The keys of a group other than its first need the first: without the certificate there is no TLS, and so on.
        var tls = key switch
        {
            _ when key.StartsWith("tls.", StringComparison.Ordinal) && key != "tls.certificate-path" => ", tls.certificate-path = \"/certs/server.pem\"",
            "rate-limit.burst" => ", rate-limit.permits-per-second = 1",
            _ when key.StartsWith("cors.", StringComparison.Ordinal) && key != "cors.allowed-origins" => ", cors.allowed-origins = [\"https://a.example\"]",
            _ => "",
        };
        var config = HoconLoader.ParseString($"actor-recorder.listeners.web {{ port = 0{tls}, {key} = {value} }}");
        var options = ListenerOptions.FromConfig(config, "web", Hello);
        Assert.NotEqual(expected, Option(new ListenerOptions { Port = 0 }, key));
        Assert.Equal(expected, Option(options, key));
    }

    [Fact]
    public async Task The_systems_reference_http_section_has_exactly_the_keys_FromConfig_reads()
    {
        // The product adds reference.conf, parsed by Akka, to the system's config when the root supervisor starts.
        await Recording.RootSupervisor.Get(Sys).ListenersAsync();
        var http = Sys.Settings.Config.GetConfig("actor-recorder.http");
        Assert.NotNull(http);
        var keys = Leaves(http.Root.GetObject(), "").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Keys.Select(row => (string)row[0]).Order(StringComparer.Ordinal), keys);
        // And they are the defaults: a listener with only a port, over the system's config, has ListenerOptions' defaults.
        var config = HoconLoader.ParseString("actor-recorder.listeners.web { port = 0 }").WithFallback(Sys.Settings.Config);
        Assert.Equal(new ListenerOptions { Port = 0, Routes = Hello }, ListenerOptions.FromConfig(config, "web", Hello));
    }

    private static IEnumerable<string> Leaves(HoconObject node, string prefix) =>
        node.Items.SelectMany(item => item.Value.IsObject()
            ? Leaves(item.Value.GetObject(), $"{prefix}{item.Key}.")
            : [$"{prefix}{item.Key}"]);
}
