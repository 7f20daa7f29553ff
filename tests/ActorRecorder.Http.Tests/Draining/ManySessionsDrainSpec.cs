using System.Net.WebSockets;
using ActorRecorder.Http.Tests.Support;
using ActorRecorder.Recording;
using ActorRecorder.Testing;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Draining;

/// <summary>A drain at scale: a thousand recorded WebSocket sessions, each acknowledged and each recording complete.</summary>
public sealed class ManySessionsDrainSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private const int Sessions = 1000;

    [Fact]
    public async Task A_thousand_recorded_sessions_drain_with_a_thousand_acknowledgements_and_complete_recordings()
    {
        using var directory = new TempDirectory();
        var listener = await StartAsync("thousand", new Routes().WebSocket("/ws", Props.Create(() => new DrainingSession(OnDrainMode.Default, TestActor))),
            o => o with { MaxClients = Sessions + 10, RecordTo = directory.Path });
        var sockets = new ClientWebSocket[Sessions];
        using (var opening = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, Sessions).Select(async i =>
            {
                await opening.WaitAsync();
                try
                {
                    sockets[i] = await ConnectAsync(listener, "/ws");
                    Assert.Equal("ready", (await ReceiveAsync(sockets[i])).Text);
                }
                finally
                {
                    opening.Release();
                }
            }));
        }
        try
        {
            Assert.Equal(Sessions, (await Listeners.InfoAsync("thousand"))!.WebSocketSessions);
            var closes = sockets.Select(DrainSpec.ReceiveUntilCloseAsync).ToArray();
            var result = await Listeners.DrainAsync("thousand", TimeSpan.FromMinutes(1));
            Assert.Equal((DrainOutcome.Drained, Sessions, 0), (result.Outcome, result.Acknowledged, result.Remaining));
            Assert.All(await Task.WhenAll(closes), c => Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, c.Status));
        }
        finally
        {
            foreach (var socket in sockets) socket?.Dispose();
        }

        // The drain ends once every session has, and a session ends once its recorder has closed its file.
        var files = Directory.GetFiles(Path.Combine(directory.Path, "thousand"), "*.jsonl");
        Assert.Equal(Sessions, files.Length);
        foreach (var file in files)
        {
            var entries = new List<RecordedEntry>();
            await foreach (var entry in RecordingReader.ReadAsync(file)) entries.Add(entry);
            Assert.Equal((Direction.Out, Frame.Text("ready")), (entries[0].Direction, entries[0].Frame));
            Assert.Equal((Direction.Out, FrameType.Close, (ushort)1001), (entries[1].Direction, entries[1].Type, entries[1].Frame.CloseCode));
            Assert.Equal((Direction.In, FrameType.Close), (entries[^1].Direction, entries[^1].Type));
            Assert.Equal(3, entries.Count);
        }
    }
}
