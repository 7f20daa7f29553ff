using ActorRecorder.Otp.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Restarting;

/// <summary><see cref="ChildInfo.Restarts"/>: how many times the supervisor restarted each child, as the status page shows it.</summary>
public sealed class RestartCountSpec(ITestOutputHelper output) : OtpSpec(output)
{
    private static SupervisorFlags Flags(SupervisorStrategyKind strategy) => new(strategy, 10, TimeSpan.FromMinutes(1));

    [Fact]
    public async Task One_for_one_counts_each_restart_of_the_child_that_exited_only()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.OneForOne), [Worker("a"), Worker("b")]);
        var children = ExpectStarts("a", "b");
        Assert.All(await supervisor.WhichChildrenAsync(), c => Assert.Equal(0, c.Restarts));
        for (var i = 0; i < 2; i++)
        {
            children[0].Tell(new Crash(), TestActor);
            ExpectStops("a");
            ExpectStarts("a");
        }
        var info = await supervisor.WhichChildrenAsync();
        Assert.Equal([2, 0], info.Select(c => c.Restarts));
        Assert.Equal(new ChildInfo("a", children[0], false, ChildType.Worker), info[0]); // equality stays OTP's tuple
    }

    [Fact]
    public async Task One_for_all_counts_a_restart_for_every_child_of_the_group()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.OneForAll), [Worker("a"), Worker("b")]);
        var children = ExpectStarts("a", "b");
        children[1].Tell(new Crash(), TestActor);
        ExpectStops("b", "a");
        ExpectStarts("a", "b");
        Assert.Equal([1, 1], (await supervisor.WhichChildrenAsync()).Select(c => c.Restarts));
    }
}
