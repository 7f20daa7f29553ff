namespace ActorRecorder.Cluster;

/// <summary>
/// TLS between the nodes, Akka.Remote's dot-netty <c>enable-ssl</c>: every node presents this certificate, and takes
/// a connection only from a node that presents it too (<c>actor-recorder.cluster.tls</c>).
/// </summary>
/// <param name="CertificatePath">A PKCS#12 (.pfx) file with the certificate and its private key.</param>
/// <param name="Password">The file's password; empty when it has none.</param>
public sealed record ClusterTlsOptions(string CertificatePath, string Password = "");
