using ActorRecorder.Actors.Supervision;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>
/// The runtime of one actor: its mailbox, the current instance, children, watches, links and
/// supervision state. Everything below runs on the actor's own turn (one thread at a time)
/// unless a member says it is thread-safe. The cell outlives restarts, which is why an
/// <see cref="IActorRef"/> stays valid across them.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic] private static ActorCell? t_current;
    [ThreadStatic] private static ActorCell? t_underConstruction;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly LocalActorRef _self;
    private readonly Props _props;
    private ActorBase? _actor;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private CellExtras? _extras;

    private ActorCell(ActorSystem system, ActorCell? parent, Props props, ActorPath path, ChildOptions options)
    {
        _system = system;
        _parent = parent;
        _props = props;
        _self = new LocalActorRef(this, path);
        _queue = props.Mailbox is UnboundedMailbox ? new UnboundedMessageQueue() : props.Mailbox.CreateQueue();
        ShutdownPolicy = options.Shutdown;
        ExitsToParent = options.ExitsToParent;
        AcknowledgesStart = options.AcknowledgeStart;
    }

    /// <summary>The cell whose turn runs on this thread, if any: the implicit sender of <c>Tell</c>.</summary>
    internal static ActorCell? Current => t_current;

    /// <summary>Creates the root cell of a system; the system starts it once it is fully built.</summary>
    internal static ActorCell CreateRoot(ActorSystem system, Props props) =>
        new(system, null, props, ActorPath.Root(system.Address), ChildOptions.Default);

    /// <summary>Called by <see cref="ActorBase"/>'s constructor to bind to the cell creating it.</summary>
    internal static ActorCell? TakeCellUnderConstruction()
    {
        var cell = t_underConstruction;
        t_underConstruction = null;
        return cell;
    }

    /// <summary>How the parent stops this child (set once, at creation).</summary>
    internal Shutdown ShutdownPolicy { get; }

    /// <summary>OTP mode: the actor's own exits are decided by its parent (see <see cref="ChildOptions"/>).</summary>
    internal bool ExitsToParent { get; }

    /// <summary>The actor tells its parent when it has fully started.</summary>
    internal bool AcknowledgesStart { get; }

    public ActorSystem System => _system;

    public LocalActorRef Self => _self;

    IActorRef IActorContext.Self => _self;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public IActorRef Parent => _parent?.Self ?? ActorRefs.Nobody;

    internal ActorCell? ParentCell => _parent;

    public Props Props => _props;

    public ILogger Log => Extras.Log ??= _system.LoggerFor(_props.ActorType, _self.Path.ToString());

    /// <summary>True once the actor has terminated. Thread-safe.</summary>
    public bool IsTerminated => _lifecycle == LifecycleTerminated;

    private CellExtras Extras => _extras ??= new CellExtras();

    internal void Start() => PostSystemMessage(new Create());

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var behaviors = Extras.Behaviors ??= [];
        if (behaviors.Count > 0) behaviors[^1] = receive;
        else behaviors.Add(receive);
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (Extras.Behaviors ??= []).Add(receive);
    }

    public void UnbecomeStacked()
    {
        if (_extras?.Behaviors is { Count: > 0 } behaviors) behaviors.RemoveAt(behaviors.Count - 1);
    }

    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    internal void PublishUnhandled(object message)
    {
        _system.EventStream.Publish(new UnhandledMessage(message, _currentSender, _self));
        if (Log.IsEnabled(LogLevel.Debug)) Log.LogDebug("Unhandled message of type {MessageType} from {Sender}.", message.GetType().Name, Sender.Path);
    }

    public override string ToString() => $"ActorCell({_self.Path})";
}
