namespace ActorRecorder.Recording.Tests.Supervision;

using ActorRecorder.Otp;
using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Akka.Configuration;
using Xunit;
using Xunit.Abstractions;

/// <summary>The product's tree: /user/root with listeners and recorders, OTP supervisors reached through an Akka extension.</summary>
public sealed class RootSupervisorSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task The_root_has_listeners_and_recorders_under_user_root()
    {
        var tree = RootSupervisor.Get(Sys);
        Assert.Same(tree, RootSupervisor.Get(Sys));
        var root = await tree.Root.WaitAsync(Bound);
        Assert.Equal("/user/root", root.Path.ToStringWithoutAddress());
        var children = await root.WhichChildrenAsync(Bound);
        Assert.Equal([RootSupervisor.ListenersName, RootSupervisor.RecordersName], children.Select(c => c.Id));
        Assert.All(children, c => Assert.Equal(ChildType.Supervisor, c.Type));
        Assert.Equal("/user/root/listeners", (await tree.ListenersAsync()).Path.ToStringWithoutAddress());
        Assert.Equal("/user/root/recorders", (await tree.RecordersAsync()).Path.ToStringWithoutAddress());
    }

    [Fact]
    public async Task Recorders_is_simple_one_for_one_with_a_transient_template_of_props()
    {
        var recorders = await RootSupervisor.Get(Sys).RecordersAsync();
        var started = Assert.IsType<SupervisorResult.Started>(await recorders.StartChildAsync([Props.Create(() => new Echo())], Bound));
        Assert.Equal(recorders.Path, started.Child.Path.Parent);
        Assert.Equal("hello", await started.Child.Ask<string>("hello", Bound));
        Assert.IsType<SupervisorResult.SimpleOneForOne>(await recorders.DeleteChildAsync(RootSupervisor.RecorderTemplate, Bound));
        Assert.Equal(Restart.Transient, (await recorders.GetChildSpecAsync(RootSupervisor.RecorderTemplate, Bound))!.Restart);
        Assert.IsType<SupervisorResult.StartFailed>(await recorders.StartChildAsync(["not props"], Bound));
    }

    [Fact]
    public async Task Listeners_accept_children_at_run_time()
    {
        var listeners = await RootSupervisor.Get(Sys).ListenersAsync();
        var result = Assert.IsType<SupervisorResult.Started>(await listeners.StartChildAsync(new ChildSpec("web", Props.Create(() => new Echo())), Bound));
        Assert.Equal("/user/root/listeners/web", result.Child.Path.ToStringWithoutAddress());
    }

    [Fact]
    public async Task The_supervision_flags_come_from_the_configuration_and_bad_ones_name_their_key()
    {
        _ = RootSupervisor.Get(Sys);
        var config = Sys.Settings.Config;
        Assert.Equal(10, config.GetInt("actor-recorder.supervision.recorders.intensity"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("actor-recorder.supervision.root.period"));

        var custom = ActorSystem.Create("custom-root", ConfigurationFactory.ParseString("actor-recorder.supervision.root.intensity = -1\nakka.loglevel = OFF"));
        try
        {
            var error = Assert.Throws<InvalidSupervisorFlagsException>(() => RootSupervisor.Get(custom));
            Assert.Contains("actor-recorder.supervision.root.intensity = -1", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await custom.Terminate();
        }
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }
}
