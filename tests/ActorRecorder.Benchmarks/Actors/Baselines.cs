using System.Diagnostics;
using System.Threading.Channels;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Actors;

/// <summary>
/// The same workloads on plain .NET (System.Threading.Channels and tasks), measured in the same run:
/// what an application would write without an actor system. The ratios say what the kernel costs
/// or saves against them.
/// </summary>
public static class Baselines
{
    /// <summary>Ping-pong of one pair with the same window, through two unbounded channels read by two tasks.</summary>
    public static Figure PingPong() =>
        Measure.Median("baseline_channels_pingpong_P1", "msg/s", () => PingPongOnce(Actors.PingPong.TotalMessages),
            $"two tasks and two unbounded channels, {Actors.PingPong.Window} in flight");

    /// <summary>8 writer threads into one unbounded channel drained by one task.</summary>
    public static Figure FanIn() =>
        Measure.Median("baseline_channels_fanin", "msg/s", () => FanInOnce(Actors.FanIn.Senders, Actors.FanIn.PerSender),
            $"{Actors.FanIn.Senders} writer threads into one unbounded channel read by one task");

    /// <summary>Sequential awaited request/response through a channel served by one task.</summary>
    public static Figure Roundtrip() =>
        Measure.Median("baseline_channel_roundtrip", "us", () => RoundtripOnce(AskRoundtrip.Asks),
            "a server task reading requests from a channel and completing a TaskCompletionSource per request");

    /// <summary>The ratio of two figures measured in the same run.</summary>
    public static Figure Ratio(string name, Figure measured, Figure baseline, bool lowerIsBetter = false) =>
        new(name, lowerIsBetter ? baseline.Value / measured.Value : measured.Value / baseline.Value, "x",
            [lowerIsBetter ? baseline.Value / measured.Value : measured.Value / baseline.Value],
            $"{measured.Name} against {baseline.Name}; above 1 means the actor system is faster");

    private static double PingPongOnce(long totalMessages)
    {
        var pings = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var pongs = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var roundTrips = totalMessages / 2;
        var ball = new object();
        var start = Stopwatch.GetTimestamp();
        var ponger = Task.Run(async () =>
        {
            for (long i = 0; i < roundTrips; i++) await pongs.Writer.WriteAsync(await pings.Reader.ReadAsync());
        });
        var pinger = Task.Run(async () =>
        {
            var initial = Math.Min(Actors.PingPong.Window, roundTrips);
            for (var i = 0; i < initial; i++) await pings.Writer.WriteAsync(ball);
            var sent = initial;
            for (long received = 0; received < roundTrips; received++)
            {
                await pongs.Reader.ReadAsync();
                if (sent < roundTrips)
                {
                    await pings.Writer.WriteAsync(ball);
                    sent++;
                }
            }
        });
        Task.WaitAll(ponger, pinger);
        return Measure.PerSecond(roundTrips * 2, Stopwatch.GetElapsedTime(start));
    }

    private static double FanInOnce(int senders, int perSender)
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var total = (long)senders * perSender;
        using var ready = new Barrier(senders + 1);
        var payload = new object();
        var threads = Enumerable.Range(0, senders).Select(_ => new Thread(() =>
        {
            ready.SignalAndWait();
            for (var i = 0; i < perSender; i++) channel.Writer.TryWrite(payload);
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        var reader = Task.Run(async () =>
        {
            long count = 0;
            while (count < total && await channel.Reader.WaitToReadAsync())
            {
                while (count < total && channel.Reader.TryRead(out _)) count++;
            }
        });
        ready.SignalAndWait();
        var start = Stopwatch.GetTimestamp();
        reader.Wait();
        var elapsed = Stopwatch.GetElapsedTime(start);
        threads.ForEach(t => t.Join());
        return Measure.PerSecond(total, elapsed);
    }

    private static double RoundtripOnce(int requests)
    {
        var channel = Channel.CreateUnbounded<TaskCompletionSource<object>>(new UnboundedChannelOptions { SingleReader = true });
        var reply = new object();
        var server = Task.Run(async () =>
        {
            await foreach (var request in channel.Reader.ReadAllAsync()) request.SetResult(reply);
        });
        var perRequest = Task.Run(async () =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < requests; i++)
            {
                var pending = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
                channel.Writer.TryWrite(pending);
                await pending.Task.ConfigureAwait(false);
            }
            return Stopwatch.GetElapsedTime(start).TotalMicroseconds / requests;
        }).GetAwaiter().GetResult();
        channel.Writer.Complete();
        server.Wait();
        return perRequest;
    }
}
