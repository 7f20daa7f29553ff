using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ActorRecorder.Testing;

namespace ActorRecorder.Http.Tests.Tls;

/// <summary>
/// A self-signed server certificate for localhost and 127.0.0.1, made by the spec and written to a temp directory
/// as a password-protected .pfx, a PEM certificate with a plain PEM key, and the same key encrypted with the password.
/// </summary>
public sealed class SelfSignedCertificate : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SelfSignedCertificate(string password)
    {
        Password = password;
        var (certificate, key) = SelfSigned.Create();
        using var disposeCertificate = certificate;
        using var disposeKey = key;
        Thumbprint = certificate.Thumbprint;
        PfxPath = _directory.File("server.pfx");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pfx, password));
        CertificatePemPath = _directory.File("server.crt");
        File.WriteAllText(CertificatePemPath, certificate.ExportCertificatePem());
        KeyPemPath = _directory.File("server.key");
        File.WriteAllText(KeyPemPath, key.ExportPkcs8PrivateKeyPem());
        EncryptedKeyPemPath = _directory.File("server.encrypted.key");
        File.WriteAllText(EncryptedKeyPemPath, key.ExportEncryptedPkcs8PrivateKeyPem(password,
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)));
    }

    /// <summary>The password of the .pfx and of the encrypted key.</summary>
    public string Password { get; }

    /// <summary>The certificate's SHA-1 thumbprint, which the client checks instead of a chain.</summary>
    public string Thumbprint { get; }

    public string PfxPath { get; }

    public string CertificatePemPath { get; }

    public string KeyPemPath { get; }

    public string EncryptedKeyPemPath { get; }

    /// <summary>An HTTPS client for <paramref name="listener"/> that trusts this certificate, and only it.</summary>
    public HttpClient Client(ListenerInfo listener, TimeSpan timeout)
    {
        var thumbprint = Thumbprint;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
                presented is not null && string.Equals(presented.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase),
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri($"https://127.0.0.1:{listener.Port}"), Timeout = timeout };
    }

    public void Dispose() => _directory.Dispose();
}
