using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorRecorder.Http;

/// <summary>Loads a listener's certificate, or says which file and why it cannot be.</summary>
internal static class TlsCertificates
{
    public static X509Certificate2 Load(string listener, TlsOptions tls)
    {
        try
        {
            var path = Path.GetFullPath(tls.CertificatePath);
            if (tls.KeyPath is not null)
            {
                return tls.Password is null
                    ? X509Certificate2.CreateFromPemFile(path, Path.GetFullPath(tls.KeyPath))
                    : X509Certificate2.CreateFromEncryptedPemFile(path, tls.Password, Path.GetFullPath(tls.KeyPath));
            }
            return X509CertificateLoader.LoadPkcs12FromFile(path, tls.Password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidListenerOptionException(listener, "tls.certificate-path", tls.CertificatePath, $"the certificate cannot be loaded ({e.Message.TrimEnd('.')})", e);
        }
    }
}
