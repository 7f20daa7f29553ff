using System.Security.Authentication;

namespace ActorRecorder.Http;

/// <summary>TLS for a listener: a certificate from a PKCS#12 (.pfx) or PEM file. TLS 1.2 and 1.3 only by default.</summary>
public sealed record TlsOptions
{
    /// <summary>The certificate file: .pfx/.p12, or a PEM certificate with <see cref="KeyPath"/>.</summary>
    public required string CertificatePath { get; init; }

    /// <summary>The .pfx password, or the PEM key's; null when there is none.</summary>
    public string? Password { get; init; }

    /// <summary>The PEM private key file, for a PEM certificate.</summary>
    public string? KeyPath { get; init; }

    /// <summary>The TLS versions accepted.</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;
}
