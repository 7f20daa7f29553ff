using ActorRecorder.Http;
using Akka.Actor;

namespace ActorRecorder.Hosting;

/// <summary>
/// Creates the <see cref="Listeners"/> extension while the actor system starts (Akka.Hosting lists
/// <see cref="Provider"/> in <c>akka.extensions</c>). It must come before CoordinatedShutdown: the drain raises the
/// <c>service-unbind</c> phase's timeout to fit <c>actor-recorder.drain.timeout</c>, which is read once, when
/// CoordinatedShutdown is created, and Akka.Hosting's hosted service creates it before it runs any actor starter.
/// </summary>
internal sealed class ListenersAtStartup : IExtension
{
    /// <summary>The extension id; an extension of its own, since Akka keys extensions by type and <see cref="Listeners"/> has its id.</summary>
    internal sealed class Provider : ExtensionIdProvider<ListenersAtStartup>
    {
        /// <inheritdoc />
        public override ListenersAtStartup CreateExtension(ExtendedActorSystem system)
        {
            Listeners.Get(system);
            return new ListenersAtStartup();
        }
    }
}
