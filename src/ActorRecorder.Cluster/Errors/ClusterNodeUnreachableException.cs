using Akka.Actor;

namespace ActorRecorder.Cluster;

/// <summary>
/// A command to another node got no answer: the node is unreachable (Akka's failure detector says so), or it did not
/// answer within the time the command allows. What the node did meanwhile is unknown.
/// </summary>
public sealed class ClusterNodeUnreachableException : TimeoutException
{
    /// <summary>Creates it for <paramref name="node"/> and <paramref name="operation"/>.</summary>
    /// <param name="node">The node.</param>
    /// <param name="operation">What was asked, such as <c>drain of listener 'api'</c>.</param>
    /// <param name="why">Why there is no answer.</param>
    /// <param name="innerException">The timeout, when there was one.</param>
    public ClusterNodeUnreachableException(Address node, string operation, string why, Exception? innerException = null)
        : base($"The {operation} on node {node} has no answer: {why}.", innerException)
    {
        Node = node;
        Operation = operation;
    }

    /// <summary>The node.</summary>
    public Address Node { get; }

    /// <summary>What was asked.</summary>
    public string Operation { get; }
}
