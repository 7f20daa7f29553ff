using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorRecorder.Testing;

/// <summary>Self-signed certificates that specs make for themselves: no certificate authority, nothing installed.</summary>
public static class SelfSigned
{
    /// <summary>
    /// A certificate for localhost and 127.0.0.1 with its ECDSA P-256 key, valid from yesterday to tomorrow, for a TLS
    /// server and, with <paramref name="clientAuthentication"/>, a TLS client too (mutual TLS).
    /// </summary>
    public static (X509Certificate2 Certificate, ECDsa Key) Create(string commonName = "localhost", bool clientAuthentication = false)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        var usages = new OidCollection { new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication") };
        if (clientAuthentication) usages.Add(new Oid("1.3.6.1.5.5.7.3.2", "Client Authentication"));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        return (request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)), key);
    }

    /// <summary>Writes a new certificate (see <see cref="Create"/>) with its key to <paramref name="path"/> as a .pfx with <paramref name="password"/>; returns its thumbprint.</summary>
    public static string WritePfx(string path, string password, string commonName = "localhost", bool clientAuthentication = false)
    {
        var (certificate, key) = Create(commonName, clientAuthentication);
        using (certificate)
        using (key)
        {
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
            return certificate.Thumbprint;
        }
    }
}
