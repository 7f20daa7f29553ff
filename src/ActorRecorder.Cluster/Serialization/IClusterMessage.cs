namespace ActorRecorder.Cluster;

/// <summary>
/// A message of ActorRecorder.Cluster that crosses nodes. Bound to <see cref="ClusterMessageSerializer"/>; Akka's
/// default serializer never sees it.
/// </summary>
internal interface IClusterMessage;
