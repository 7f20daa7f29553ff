namespace ActorRecorder.Actors.Tests.Supervision;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.Actors.Tests.Supervision.Otp;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

/// <summary>Restart windows on a clock the spec moves by hand: restarts spread beyond the window do not count.</summary>
public sealed class RestartWindowSpec : TestKit
{
    private readonly ManualTimeProvider _clock;

    public RestartWindowSpec(ITestOutputHelper output) : this(new ManualTimeProvider(), output)
    {
    }

    private RestartWindowSpec(ManualTimeProvider clock, ITestOutputHelper output)
        : base(ActorSystemSettings.Default with { TimeProvider = clock }, output) => _clock = clock;

    [Fact]
    public void Restarts_spread_outside_the_window_do_not_count()
    {
        var parent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(2, TimeSpan.FromSeconds(10), SupervisorStrategy.DefaultDecider)));
        parent.Tell(Reporter.Props(TestActor, "w"), TestActor);
        var child = this.ExpectChildStarted("w");
        for (var i = 0; i < 6; i++)
        {
            child.Tell(new Crash(), TestActor);
            ExpectMsg(new Lifecycle("w", "prerestart"));
            ExpectMsg(new Lifecycle("w", "poststop"));
            ExpectMsg(new Lifecycle("w", "postrestart"));
            ExpectMsg(new Lifecycle("w", "prestart"));
            _clock.Advance(TimeSpan.FromSeconds(6)); // at most two restarts in any 10 s
        }
        child.Tell("alive", TestActor);
        ExpectMsg("alive");
    }

    [Fact]
    public async Task Restarts_spread_outside_the_period_do_not_count_for_an_OTP_supervisor()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 1, period: TimeSpan.FromSeconds(5)),
            [new ChildSpec("w", OtpWorker.Props(TestActor, "w"))]);
        var child = this.ExpectStarts("w")[0];
        for (var i = 0; i < 5; i++)
        {
            child.Tell(new Crash(), TestActor);
            this.ExpectStops("w");
            this.ExpectStarts("w");
            _clock.Advance(TimeSpan.FromSeconds(6)); // never two restarts within 5 s
        }
        Assert.Equal(child, (await supervisor.WhichChildrenAsync())[0].Child);
    }

    [Fact]
    public async Task The_same_restarts_within_the_period_do_stop_an_OTP_supervisor()
    {
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(intensity: 1, period: TimeSpan.FromSeconds(5)),
            [new ChildSpec("w", OtpWorker.Props(TestActor, "w"))]);
        var child = this.ExpectStarts("w")[0];
        child.Tell(new Crash(), TestActor);
        this.ExpectStops("w");
        this.ExpectStarts("w");
        _clock.Advance(TimeSpan.FromSeconds(4));
        child.Tell(new Crash(), TestActor);
        this.ExpectStops("w");
        Assert.Equal(ExitReason.Shutdown, watcher.ExpectTerminated(supervisor).Reason);
    }
}
