using Akka.Actor;

namespace ActorRecorder.Benchmarks.Harness;

/// <summary>A fresh Akka.NET system per run, logging off (a benchmark measures the actors, not the console).</summary>
public static class BenchSystem
{
    public static ActorSystem Create(string name) => ActorSystem.Create(name, """
        akka.loglevel = OFF
        akka.stdout-loglevel = OFF
        akka.log-dead-letters = off
        """);

    public static void Stop(ActorSystem system)
    {
        if (!system.Terminate().Wait(TimeSpan.FromSeconds(120)))
            throw new TimeoutException($"Benchmark system {system.Name} did not terminate.");
    }

    public static T Await<T>(Task<T> task) => task.WaitAsync(TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();

    public static void Await(Task task) => task.WaitAsync(TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
}
