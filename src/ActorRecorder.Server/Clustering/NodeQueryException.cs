namespace ActorRecorder.Server.Clustering;

/// <summary>A cluster command could not get its answer from the node at --url (unreachable, 401, not a cluster node): exit 3 with the message.</summary>
internal sealed class NodeQueryException(string message, Exception? innerException = null) : Exception(message, innerException);
