namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class RootSupervisorSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public async Task The_root_has_listeners_and_recorders_under_user_root()
    {
        var tree = await RootSupervisor.GetAsync(Sys);
        Assert.Same(tree, await RootSupervisor.GetAsync(Sys));
        Assert.Equal("/user/root", tree.Root.Path.ToStringWithoutAddress());
        var children = await tree.Root.WhichChildrenAsync();
        Assert.Equal(["listeners", "recorders"], children.Select(c => c.Id));
        Assert.All(children, c => Assert.Equal(ChildType.Supervisor, c.Type));
        Assert.Equal("/user/root/listeners", tree.Listeners.Path.ToStringWithoutAddress());
        Assert.Equal("/user/root/recorders", tree.Recorders.Path.ToStringWithoutAddress());
    }

    [Fact]
    public async Task Recorders_start_transient_children_from_props()
    {
        var tree = await RootSupervisor.GetAsync(Sys);
        var started = Assert.IsType<SupervisorResult.Started>(await tree.StartRecorderAsync(Props.Create<Echo>()));
        Assert.Equal(tree.Recorders.Path, started.Child.Path.Parent);
        Assert.Equal("hello", await started.Child.Ask<string>("hello"));
        Assert.IsType<SupervisorResult.SimpleOneForOne>(await tree.Recorders.DeleteChildAsync("recorder"));
        var spec = await tree.Recorders.GetChildSpecAsync("recorder");
        Assert.Equal(Restart.Transient, spec!.Restart);
    }

    [Fact]
    public async Task Listeners_accept_children_at_run_time()
    {
        var tree = await RootSupervisor.GetAsync(Sys);
        var result = Assert.IsType<SupervisorResult.Started>(await tree.Listeners.StartChildAsync(new ChildSpec("web", Props.Create<Echo>())));
        Assert.Equal("/user/root/listeners/web", result.Child.Path.ToStringWithoutAddress());
    }

    [Fact]
    public async Task The_supervision_flags_come_from_the_configuration()
    {
        var config = Sys.Settings.Config;
        Assert.Equal(10, config.GetInt("actor-recorder.supervision.recorders.intensity"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("actor-recorder.supervision.root.period"));
        await using var custom = ActorSystem.Create("custom-root", Hocon.ConfigurationFactory.ParseString(
            "actor-recorder.supervision.root.intensity = -1\nakka.loglevel = OFF"));
        var error = await Assert.ThrowsAsync<InvalidSupervisorFlagsException>(() => RootSupervisor.GetAsync(custom));
        Assert.Contains("actor-recorder.supervision.root.intensity", error.Message, StringComparison.Ordinal);
    }
}
