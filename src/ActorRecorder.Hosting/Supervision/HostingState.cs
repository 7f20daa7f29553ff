using System.Runtime.CompilerServices;
using Akka.Hosting;

namespace ActorRecorder.Hosting;

/// <summary>
/// What one <see cref="AkkaConfigurationBuilder"/> has been given by these extensions. Akka.Hosting's builder is sealed and
/// holds no user state, so it lives beside it, for as long as the builder does.
/// </summary>
internal sealed class HostingState
{
    private static readonly ConditionalWeakTable<AkkaConfigurationBuilder, HostingState> States = [];

    private int _wired;

    public static HostingState Of(AkkaConfigurationBuilder builder) => States.GetValue(builder, static _ => new HostingState());

    /// <summary>True the first time only: the root supervisor's registration and the logging are added once per builder.</summary>
    public bool TryMarkWired() => Interlocked.Exchange(ref _wired, 1) == 0;
}
