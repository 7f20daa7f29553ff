using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Configuration;
using Akka.Remote.Transport.DotNetty;

namespace ActorRecorder.Cluster;

/// <summary>
/// TLS between nodes on Akka.Remote's dot-netty transport. Every node holds the same certificate and presents it
/// (mutual TLS); a peer is accepted only when its certificate is that one, by thumbprint. So a self-signed certificate
/// made for the cluster works with no certificate authority, and a node without it (no TLS, or any other certificate)
/// cannot connect.
/// </summary>
internal static class ClusterTls
{
    /// <summary>The certificate of <paramref name="tls"/>, with its private key.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read, is not PKCS#12, the password is wrong, or it has no private key; the message names the path.</exception>
    public static X509Certificate2 Load(ClusterTlsOptions tls)
    {
        const string key = ActorRecorderClusterOptions.ConfigPath + ".tls.certificate-path";
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(tls.CertificatePath, tls.Password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{key} = '{tls.CertificatePath}' cannot be loaded as a PKCS#12 (.pfx) file with the password given: {e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ConfigurationException($"{key} = '{tls.CertificatePath}' has no private key: a node presents the certificate, so it needs the key.");
        }
        return certificate;
    }

    /// <summary>Akka.Remote's TLS setup for <paramref name="certificate"/>: mutual, and pinned to that certificate.</summary>
    public static DotNettySslSetup Setup(X509Certificate2 certificate) =>
        new(certificate, suppressValidation: false, requireMutualAuthentication: true, Pinned(certificate));

    /// <summary>Accepts a peer whose certificate is <paramref name="certificate"/>, whatever its chain.</summary>
    public static CertificateValidationCallback Pinned(X509Certificate2 certificate) =>
        CertificateValidation.PinnedCertificate([certificate.Thumbprint]);
}
