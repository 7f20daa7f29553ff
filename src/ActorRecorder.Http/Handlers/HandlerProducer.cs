using Akka.Actor;

namespace ActorRecorder.Http;

/// <summary>
/// Creates a handler actor from the route's props with its connection at hand: the handler's base constructor takes
/// the connection from <see cref="Current"/>, which is set only while this producer runs the constructor, on Akka's thread.
/// </summary>
internal sealed class HandlerProducer(Props props, object connection) : IIndirectActorProducer
{
    [ThreadStatic]
    private static object? _current;

    /// <summary>The connection of the handler being constructed on this thread.</summary>
    public static T Current<T>(string handler) where T : class =>
        _current as T ?? throw new InvalidOperationException(
            $"A {handler} is created by its listener for a request; use it in a route (Routes.Loop / Routes.WebSocket), do not create it yourself.");

    public Type ActorType => props.Type;

    public ActorBase Produce()
    {
        _current = connection;
        try
        {
            return props.NewActor();
        }
        finally
        {
            _current = null;
        }
    }

    public void Release(ActorBase actor)
    {
    }
}
