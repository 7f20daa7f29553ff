namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;

/// <summary>Helpers shared by the OTP supervisor specs.</summary>
public static class OtpKit
{
    public static ChildSpec Worker(TestKitBase kit, string id, Restart restart = Restart.Permanent, WorkerOptions? options = null,
        Shutdown? shutdown = null, bool significant = false) =>
        new(id, OtpWorker.Props(kit.TestActor, id, options), restart, shutdown, ChildType.Worker, significant);

    /// <summary>Makes <paramref name="child"/> exit: normal (stops itself), shutdown (stopped by a third party), crash or kill.</summary>
    public static void Exit(this TestKitBase kit, IActorRef child, string how)
    {
        switch (how)
        {
            case "normal":
                child.Tell("normal", kit.TestActor);
                break;
            case "shutdown":
                kit.Sys.Stop(child);
                break;
            case "crash":
                child.Tell(new Crash(), kit.TestActor);
                break;
            case "kill":
                child.Tell(Kill.Instance, kit.TestActor);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, "normal, shutdown, crash or kill");
        }
    }

    /// <summary>Expects the start reports of <paramref name="ids"/> in that order and returns the children (the senders).</summary>
    public static IActorRef[] ExpectStarts(this TestKitBase kit, params string[] ids)
    {
        var refs = new IActorRef[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            kit.ExpectMsg(new Lifecycle(ids[i], "start"));
            refs[i] = kit.LastSender;
        }
        return refs;
    }

    /// <summary>Expects the stop reports of <paramref name="ids"/> in that order.</summary>
    public static void ExpectStops(this TestKitBase kit, params string[] ids)
    {
        foreach (var id in ids) kit.ExpectMsg(new Lifecycle(id, "stop"));
    }

    /// <summary>
    /// Starts a supervisor under a parent that stops any failed child, so a supervisor that gives up
    /// terminates (under /user the default decider would restart it). The returned probe receives the
    /// supervisor's <see cref="Terminated"/>.
    /// </summary>
    public static async Task<(IActorRef Supervisor, TestProbe Watcher)> StartUnderStopperAsync(this TestKitBase kit, SupervisorFlags flags, IReadOnlyList<ChildSpec> specs)
    {
        var parent = kit.Sys.ActorOf(Parent.Props(SupervisorStrategy.StoppingStrategy));
        var watcher = kit.CreateTestProbe();
        parent.Tell(Supervisor.Props(flags, specs), watcher.Ref);
        var supervisor = await watcher.ExpectMsgAsync<IActorRef>();
        await supervisor.WhichChildrenAsync(); // answered once the initial children have started
        return (supervisor, watcher);
    }

    public static async Task<ChildInfo> ChildAsync(IActorRef supervisor, string id)
    {
        var children = await supervisor.WhichChildrenAsync();
        return Assert.Single(children, c => c.Id == id);
    }
}
