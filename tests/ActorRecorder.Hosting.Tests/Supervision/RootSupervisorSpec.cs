using ActorRecorder.Hosting.Tests.Support;
using ActorRecorder.Otp;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Hosting.Tests.Supervision;

/// <summary>The product's root supervisor is in Akka.Hosting's registry under <see cref="RootSupervisorKey"/>.</summary>
public sealed class RootSupervisorSpec(ITestOutputHelper output) : HostSpec(output)
{
    [Fact]
    public async Task The_root_supervisor_is_injected_as_a_required_actor_and_supervises_listeners_and_recorders()
    {
        var host = await StartHostAsync(akka => akka.WithActorRecorder());

        var root = await host.Services.GetRequiredService<IRequiredActor<RootSupervisorKey>>().GetAsync().WaitAsync(Patience);

        Assert.Equal("/user/root", root.Path.ToStringWithoutAddress());
        var children = await root.WhichChildrenAsync().WaitAsync(Patience);
        Assert.Equal(["listeners", "recorders"], children.Select(c => c.Id));
        Assert.All(children, c => Assert.Equal(ChildType.Supervisor, c.Type));
    }

    [Fact]
    public async Task Calling_WithActorRecorder_again_or_implicitly_registers_the_root_once()
    {
        // WithListener and WithRecording call WithActorRecorder() too; a second registration would fail the start.
        using var directory = new ActorRecorder.Testing.TempDirectory();
        var host = await StartHostAsync(akka => akka
            .WithActorRecorder()
            .WithRecording(directory.Path)
            .WithListener("api", 0, SpecRoutes.Hello())
            .WithActorRecorder(o => o.DrainTimeout = TimeSpan.FromSeconds(3)));

        var root = await host.Services.GetRequiredService<IRequiredActor<RootSupervisorKey>>().GetAsync().WaitAsync(Patience);
        Assert.Equal("/user/root", root.Path.ToStringWithoutAddress());
        Assert.Equal(TimeSpan.FromSeconds(3), ListenersOf(host).ShutdownDrainTimeout);
    }
}
