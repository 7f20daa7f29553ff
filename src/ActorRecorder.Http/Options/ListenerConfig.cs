using System.Net;
using Akka.Configuration;

namespace ActorRecorder.Http;

/// <summary>Reads <see cref="ListenerOptions"/> from <c>actor-recorder.listeners.&lt;name&gt;</c> over <c>actor-recorder.http</c>.</summary>
internal static class ListenerConfig
{
    public const string DefaultsPath = "actor-recorder.http";
    public const string ListenersPath = "actor-recorder.listeners";

    public static ListenerOptions Read(Config config, string name, Routes routes)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var own = $"{ListenersPath}.{name}";
        var defaults = new ListenerOptions { Port = 0 };
        var reader = new Reader(config, name, own);
        if (!config.HasPath(own)) throw new InvalidListenerOptionException(name, own, null, "no such section in the configuration");
        var tlsPath = reader.Has("tls.certificate-path") ? reader.String("tls.certificate-path", "") : null;
        return new ListenerOptions
        {
            Address = reader.Address("address", defaults.Address),
            Port = reader.Int("port", null),
            Routes = routes,
            MaxClients = reader.Int("max-clients", defaults.MaxClients),
            MaxKeepAliveRequests = reader.Int("max-keep-alive-requests", defaults.MaxKeepAliveRequests),
            RequestTimeout = reader.Duration("request-timeout", defaults.RequestTimeout),
            KeepAliveTimeout = reader.Duration("keep-alive-timeout", defaults.KeepAliveTimeout),
            MaxContentLength = reader.Bytes("max-content-length", defaults.MaxContentLength),
            MaxRequestLineSize = reader.IntBytes("max-request-line-size", defaults.MaxRequestLineSize),
            MaxHeaderLineSize = reader.IntBytes("max-header-line-size", defaults.MaxHeaderLineSize),
            MaxHeaderBlockSize = reader.IntBytes("max-header-block-size", defaults.MaxHeaderBlockSize),
            MaxHeaderCount = reader.Int("max-header-count", defaults.MaxHeaderCount),
            MinBytesPerSecond = reader.Int("min-bytes-per-second", defaults.MinBytesPerSecond),
            SocketBacklog = reader.Int("socket-backlog", defaults.SocketBacklog),
            Protocols = reader.Protocols("protocols", defaults.Protocols),
            Tls = tlsPath is null ? null : new TlsOptions
            {
                CertificatePath = tlsPath,
                Password = reader.Has("tls.password") ? reader.String("tls.password", "") : null,
                KeyPath = reader.Has("tls.key-path") ? reader.String("tls.key-path", "") : null,
            },
            MaxFrameSize = reader.IntBytes("websocket.max-frame-size", defaults.MaxFrameSize),
            MaxMessageSize = reader.IntBytes("websocket.max-message-size", defaults.MaxMessageSize),
            PerMessageDeflate = reader.Bool("websocket.per-message-deflate", defaults.PerMessageDeflate),
            RecordTo = reader.Has("record-to") && reader.String("record-to", "") is { Length: > 0 } dir ? dir : null,
            RateLimit = reader.Has("rate-limit.permits-per-second")
                ? new ClientRateLimit
                {
                    PermitsPerSecond = reader.Int("rate-limit.permits-per-second", 0),
                    Burst = reader.Has("rate-limit.burst") ? reader.Int("rate-limit.burst", 0) : null,
                }
                : null,
            Cors = reader.Strings("cors.allowed-origins") is { Count: > 0 } origins
                ? new CorsSettings
                {
                    AllowedOrigins = origins,
                    AllowedMethods = reader.Strings("cors.allowed-methods"),
                    AllowedHeaders = reader.Strings("cors.allowed-headers"),
                    AllowCredentials = reader.Bool("cors.allow-credentials", false),
                }
                : null,
            Compression = reader.Bool("compression", defaults.Compression),
            StaticFiles = reader.Has("static-files") && reader.String("static-files", "") is { Length: > 0 } site ? site : null,
        };
    }

    /// <summary>Each key from the listener's own section, else from the defaults section, else the built-in default.</summary>
    private sealed class Reader(Config config, string listener, string own)
    {
        public bool Has(string key) => Present($"{own}.{key}") || Present($"{DefaultsPath}.{key}");

        private string PathOf(string key) => Present($"{own}.{key}") ? $"{own}.{key}" : $"{DefaultsPath}.{key}";

        /// <summary>A key set to null (as the defaults' optional keys are) counts as not set.</summary>
        private bool Present(string path)
        {
            if (!config.HasPath(path) || config.GetValue(path) is not { } value) return false;
            if (value.IsArray()) return value.GetArray().Count > 0;
            try
            {
                return value.GetString() is not null;
            }
            catch (Exception)
            {
                return true; // an object or another kind: the key's reader says what is wrong with it
            }
        }

        private T Get<T>(string key, T fallback, Func<string, T> read)
        {
            if (!Has(key)) return fallback;
            var path = PathOf(key);
            try
            {
                return read(path);
            }
            catch (Exception e) when (e is not InvalidListenerOptionException)
            {
                throw new InvalidListenerOptionException(listener, path, Raw(path), $"not a valid value ({e.Message.TrimEnd('.')})", e);
            }
        }

        private string? Raw(string path)
        {
            try
            {
                return config.GetString(path);
            }
            catch (Exception)
            {
                return null;
            }
        }

        public int Int(string key, int? fallback)
        {
            if (fallback is null && !Has(key)) throw new InvalidListenerOptionException(listener, $"{own}.{key}", null, "required");
            return Get(key, fallback ?? 0, p => config.GetInt(p));
        }

        public bool Bool(string key, bool fallback) => Get(key, fallback, p => config.GetBoolean(p));

        public string String(string key, string fallback) => Get(key, fallback, p => config.GetString(p));

        public IReadOnlyList<string> Strings(string key) => Get<IReadOnlyList<string>>(key, [], p => [.. config.GetStringList(p)]);

        public TimeSpan Duration(string key, TimeSpan fallback) => Get(key, fallback, p => config.GetTimeSpan(p, null, allowInfinite: false));

        public long Bytes(string key, long fallback) => Get(key, fallback, p => config.GetByteSize(p) ?? throw new FormatException("no size"));

        /// <summary>A size for an <see cref="int"/> option: one of 2GiB or more is refused, not wrapped around.</summary>
        public int IntBytes(string key, int fallback) => Get(key, fallback, p =>
        {
            var size = config.GetByteSize(p) ?? throw new FormatException("no size");
            return size <= int.MaxValue ? (int)size : throw new FormatException($"{size} bytes is over the largest this key takes, {int.MaxValue} bytes");
        });

        public IPAddress Address(string key, IPAddress fallback) =>
            Get(key, fallback, p => IPAddress.Parse(config.GetString(p) switch { "localhost" => "127.0.0.1", var text => text }));

        public ListenerProtocols Protocols(string key, ListenerProtocols fallback) => Get(key, fallback, p => config.GetString(p) switch
        {
            "http1" => ListenerProtocols.Http1,
            "http2" => ListenerProtocols.Http2,
            "http1-and-http2" => ListenerProtocols.Http1AndHttp2,
            var other => throw new FormatException($"'{other}' is none of http1, http2, http1-and-http2"),
        });
    }
}
