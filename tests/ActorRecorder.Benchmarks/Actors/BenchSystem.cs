using ActorRecorder.Actors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorRecorder.Benchmarks.Actors;

/// <summary>A fresh actor system per run, logging nothing (a benchmark measures the kernel, not the console).</summary>
public static class BenchSystem
{
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null) =>
        ActorSystem.Create(name, (settings ?? ActorSystemSettings.Default) with { LoggerFactory = NullLoggerFactory.Instance, LogLevel = LogLevel.None });

    public static void Stop(ActorSystem system)
    {
        if (!system.Terminate().Wait(TimeSpan.FromSeconds(60)))
            throw new TimeoutException($"Benchmark system {system.Name} did not terminate.");
    }
}
