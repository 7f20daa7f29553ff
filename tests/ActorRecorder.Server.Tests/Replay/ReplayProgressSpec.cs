using ActorRecorder.Server.Replay;
using Xunit;

namespace ActorRecorder.Server.Tests.Replay;

/// <summary>When the progress bar shows: on a terminal only, for long or real-time replays.</summary>
public sealed class ReplayProgressSpec
{
    [Theory]
    [InlineData(true, ReplayProgress.LongReplay, false, true)]
    [InlineData(true, 3, true, true)]
    [InlineData(true, 3, false, false)]
    [InlineData(false, 100_000, true, false)]
    public void The_bar_shows_on_a_terminal_for_long_or_realtime_replays(bool terminal, long frames, bool realtime, bool shows) =>
        Assert.Equal(shows, ReplayProgress.Shows(terminal, frames, realtime));

    [Fact]
    public async Task A_redirected_run_gets_no_bar_and_the_work_runs_once()
    {
        using var stderr = new StringWriter();
        var calls = 0;

        var result = await ReplayProgress.RunAsync(stderr, 1_000, realtime: true, advance =>
        {
            calls++;
            advance();
            return Task.FromResult(42);
        });

        Assert.Equal((42, 1, ""), (result, calls, stderr.ToString()));
    }
}
