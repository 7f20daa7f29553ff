using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Http;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>A fresh benchmark system with one listener on 127.0.0.1 (and a temp directory when it records), all gone after the run.</summary>
public sealed class BenchListener : IDisposable
{
    public const string Name = "bench";

    private readonly string? _recordTo;

    private BenchListener(string system, ListenerOptions options)
    {
        System = BenchSystem.Create(system);
        _recordTo = options.RecordTo;
        try
        {
            Info = BenchSystem.Await(Listeners.Get(System).StartAsync(Name, options));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ActorSystem System { get; }

    public ListenerInfo Info { get; } = null!;

    /// <summary>Starts a listener with <paramref name="routes"/>; <paramref name="record"/> sets RecordTo to a new temp directory.</summary>
    public static BenchListener Start(string system, Routes routes, bool record = false, int maxClients = 150) =>
        new(system, new ListenerOptions
        {
            Port = 0,
            Routes = routes,
            MaxClients = maxClients,
            RecordTo = record ? Path.Combine(Path.GetTempPath(), "actor-recorder-bench", Guid.NewGuid().ToString("N")) : null,
        });

    public Uri Url(string scheme, string path) => new($"{scheme}://127.0.0.1:{Info.Port}{path}");

    /// <summary>The listener's counters now.</summary>
    public ListenerInfo Current() => BenchSystem.Await(Listeners.Get(System).InfoAsync(Name))
        ?? throw new InvalidOperationException($"Listener '{Name}' is not running.");

    /// <summary>The session recordings written so far.</summary>
    public string[] Recordings() =>
        _recordTo is not null && Directory.Exists(_recordTo) ? Directory.GetFiles(_recordTo, "*.jsonl", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        BenchSystem.Stop(System);
        if (_recordTo is not null && Directory.Exists(_recordTo)) Directory.Delete(_recordTo, recursive: true);
    }
}
