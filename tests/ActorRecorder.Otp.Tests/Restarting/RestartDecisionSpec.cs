using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Restarting;

/// <summary>OTP's restart type × exit reason, under each of the four strategies, with the identity rule of each.</summary>
public sealed class RestartDecisionSpec(ITestOutputHelper output) : OtpSpec(output)
{
    public static TheoryData<SupervisorStrategyKind, Restart, string> Cases()
    {
        var data = new TheoryData<SupervisorStrategyKind, Restart, string>();
        foreach (var strategy in Enum.GetValues<SupervisorStrategyKind>())
        foreach (var restart in Enum.GetValues<Restart>())
        foreach (var exit in new[] { "normal", "shutdown", "crash", "kill" })
            data.Add(strategy, restart, exit);
        return data;
    }

    /// <summary>OTP: permanent always; transient unless normal or shutdown; temporary never.</summary>
    private static bool Restarted(Restart restart, string exit) => restart switch
    {
        Restart.Permanent => true,
        Restart.Transient => exit is "crash" or "kill",
        _ => false,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Restart_type_and_exit_reason_decide_the_restart(SupervisorStrategyKind strategy, Restart restart, string exit)
    {
        var flags = new SupervisorFlags(strategy, intensity: 5, period: TimeSpan.FromMinutes(1));
        IActorRef supervisor;
        IActorRef child;
        if (strategy == SupervisorStrategyKind.SimpleOneForOne)
        {
            supervisor = await Supervisor.StartAsync(Sys, "sup", flags,
                [new ChildSpec("w", args => Support.Worker.Props(TestActor, (string)args[0]!), restart)]);
            await supervisor.StartChildAsync(["a"]);
            child = ((SupervisorResult.Started)await supervisor.StartChildAsync(["w"])).Child;
            await supervisor.StartChildAsync(["c"]);
            ExpectStarts("a", "w", "c");
        }
        else
        {
            supervisor = await Supervisor.StartAsync(Sys, "sup", flags, [Worker("a", restart), Worker("w", restart), Worker("c", restart)]);
            child = ExpectStarts("a", "w", "c")[1];
        }

        Exit(child, exit);
        ExpectStops("w");
        var restarted = Restarted(restart, exit);
        if (restarted)
        {
            switch (strategy)
            {
                case SupervisorStrategyKind.OneForAll:
                    ExpectStops("c", "a");
                    ExpectStarts("a", "w", "c");
                    break;
                case SupervisorStrategyKind.RestForOne:
                    ExpectStops("c");
                    ExpectStarts("w", "c");
                    break;
                default:
                    ExpectStarts("w");
                    break;
            }
            var now = await supervisor.WhichChildrenAsync();
            var fresh = (strategy == SupervisorStrategyKind.SimpleOneForOne ? now[1] : now.Single(c => c.Id == "w")).Child!;
            if (strategy is SupervisorStrategyKind.OneForOne or SupervisorStrategyKind.SimpleOneForOne && exit != "normal")
                Assert.Equal(child, fresh); // in place: the same ref, mailbox kept
            else
                Assert.NotEqual(child, fresh); // a fresh incarnation: OTP's new pid
            fresh.Tell("ping", TestActor);
            ExpectMsg("pong");
        }
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        var children = await supervisor.WhichChildrenAsync();
        if (strategy == SupervisorStrategyKind.SimpleOneForOne)
        {
            // A dynamic child that is not restarted is gone.
            Assert.Equal(restarted ? 3 : 2, children.Count);
        }
        else if (restarted)
        {
            Assert.Equal(["a", "w", "c"], children.Select(c => c.Id));
            Assert.All(children, c => Assert.NotNull(c.Child));
        }
        else if (restart == Restart.Temporary)
        {
            Assert.Equal(["a", "c"], children.Select(c => c.Id)); // a temporary spec goes with its child
        }
        else
        {
            Assert.Null(children.Single(c => c.Id == "w").Child); // the spec stays, without a child
        }
    }
}
