namespace ActorRecorder.Recording.Tests.Scale;

using ActorRecorder.Recording.Tests.Support;
using ActorRecorder.Testing;
using Akka.Actor;
using Akka.Configuration;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

public sealed class ManyRecordersSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    private const int Count = 1_000;

    [Fact]
    public async Task A_thousand_recorders_record_at_once()
    {
        var paths = Enumerable.Range(0, Count).Select(i => Dir.File($"session-{i}.jsonl")).ToList();

        var recorders = await Task.WhenAll(paths.Select(p => StartAsync(p))).WaitAsync(Bound);
        Assert.Equal(Count, (await RecordersAsync()).Count);
        for (var i = 0; i < Count; i++)
        {
            recorders[i].Tell(new Record(Direction.In, Frame.Text($"hello {i}")));
            recorders[i].Tell(new Record(Direction.Out, Frame.Text($"bye {i}")));
        }
        await Task.WhenAll(recorders.Select(StopAsync)).WaitAsync(Bound);

        for (var i = 0; i < Count; i++) Assert.Equal([$"hello {i}", $"bye {i}"], JsonLines(paths[i]).Select(Text));
        Assert.Empty(await RecordersAsync());
    }

    [Fact]
    public async Task Terminating_the_actor_system_completes_the_files_of_a_thousand_open_recorders()
    {
        var paths = Enumerable.Range(0, Count).Select(i => Dir.File($"session-{i}.jsonl")).ToList();
        // A system of its own, terminated by the spec (the TestKit's system stays for the TestKit).
        var system = ActorSystem.Create("terminating", ConfigurationFactory.ParseString("akka.loglevel = WARNING").WithFallback(SpecConfig.Text));
        try
        {
            // Nothing is due before the stop: every entry is still in a buffer or a mailbox when Terminate is called.
            var options = new RecorderOptions { FlushInterval = TimeSpan.FromHours(1) };
            var recorders = await Task.WhenAll(paths.Select(p => Recorder.StartAsync(system, p, options))).WaitAsync(Bound);
            for (var i = 0; i < Count; i++)
            {
                recorders[i].Tell(new Record(Direction.In, Frame.Text($"hello {i}")));
                recorders[i].Tell(new Record(Direction.Out, Frame.Text($"bye {i}")));
            }

            await system.Terminate().WaitAsync(Bound);
        }
        finally
        {
            await system.Terminate().WaitAsync(Bound);
        }

        for (var i = 0; i < Count; i++) Assert.Equal([$"hello {i}", $"bye {i}"], JsonLines(paths[i]).Select(Text));
    }
}
