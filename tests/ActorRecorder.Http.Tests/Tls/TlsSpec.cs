using System.Net;
using ActorRecorder.Http.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Tls;

/// <summary>HTTP/2 and HTTP/1.1 over TLS with a certificate the spec makes, prior-knowledge h2c, and a certificate that cannot be loaded.</summary>
public sealed class TlsSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private const string Password = "s3cret-pfx";

    /// <summary>Answers with the protocol the server saw and whether it came over TLS.</summary>
    private static Routes Protocol() => new Routes().Map("/protocol", (request, _) =>
        Task.FromResult(HttpResponse.Text($"{request.Http.Request.Protocol} https={request.Http.Request.IsHttps}")), "GET");

    private Task<ListenerInfo> StartTlsAsync(string name, TlsOptions tls, ListenerProtocols protocols = ListenerProtocols.Http1AndHttp2) =>
        StartAsync(name, Protocol(), o => o with { Protocols = protocols, Tls = tls });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, Version version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Http1_and_http2_over_tls_with_a_pfx_answers_an_http2_request_with_http2()
    {
        using var certificate = new SelfSignedCertificate(Password);
        var info = await StartTlsAsync("tls-pfx", new TlsOptions { CertificatePath = certificate.PfxPath, Password = Password });
        using var client = certificate.Client(info, Patience);
        using var response = await GetAsync(client, "/protocol", HttpVersion.Version20);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("HTTP/2 https=True", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http1_and_http2_over_tls_negotiates_http1_1_for_a_client_that_asks_for_it()
    {
        using var certificate = new SelfSignedCertificate(Password);
        var info = await StartTlsAsync("tls-alpn", new TlsOptions { CertificatePath = certificate.PfxPath, Password = Password });
        using var client = certificate.Client(info, Patience);
        using var response = await GetAsync(client, "/protocol", HttpVersion.Version11);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal("HTTP/1.1 https=True", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http2_over_tls_with_a_pem_certificate_and_key_answers_with_http2()
    {
        using var certificate = new SelfSignedCertificate(Password);
        var info = await StartTlsAsync("tls-pem", new TlsOptions { CertificatePath = certificate.CertificatePemPath, KeyPath = certificate.KeyPemPath });
        using var client = certificate.Client(info, Patience);
        using var response = await GetAsync(client, "/protocol", HttpVersion.Version20);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("HTTP/2 https=True", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pem_key_encrypted_with_the_password_serves_http2_over_tls()
    {
        using var certificate = new SelfSignedCertificate(Password);
        var info = await StartTlsAsync("tls-pem-encrypted", new TlsOptions { CertificatePath = certificate.CertificatePemPath, KeyPath = certificate.EncryptedKeyPemPath, Password = Password });
        using var client = certificate.Client(info, Patience);
        using var response = await GetAsync(client, "/protocol", HttpVersion.Version20);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("HTTP/2 https=True", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http1_over_tls_serves_http1_1_and_refuses_an_exact_http2_request()
    {
        using var certificate = new SelfSignedCertificate(Password);
        var info = await StartTlsAsync("tls-http1", new TlsOptions { CertificatePath = certificate.PfxPath, Password = Password }, ListenerProtocols.Http1);
        using var client = certificate.Client(info, Patience);
        using (var response = await GetAsync(client, "/protocol", HttpVersion.Version11))
        {
            Assert.Equal(HttpVersion.Version11, response.Version);
            Assert.Equal("HTTP/1.1 https=True", await response.Content.ReadAsStringAsync());
        }
        // ALPN offers h2 only: the server does not take it, and an exact HTTP/2 request cannot be downgraded.
        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(client, "/protocol", HttpVersion.Version20));
    }

    [Fact]
    public async Task Http2_without_tls_serves_prior_knowledge_h2c_and_refuses_http1_1()
    {
        var info = await StartAsync("h2c", Protocol(), o => o with { Protocols = ListenerProtocols.Http2 });
        Assert.Equal(ListenerProtocols.Http2, info.Protocols);
        using var client = Client(info);
        using (var response = await GetAsync(client, "/protocol", HttpVersion.Version20))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpVersion.Version20, response.Version);
            Assert.Equal("HTTP/2 https=False", await response.Content.ReadAsStringAsync());
        }
        // Kestrel answers an HTTP/1.1 request on an HTTP/2-only port with 400 itself; the handler never sees it.
        using var http1 = Client(info);
        using var refused = await GetAsync(http1, "/protocol", HttpVersion.Version11);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("HTTP/2 only", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_pfx_password_is_an_invalid_certificate_path_and_nothing_is_started()
    {
        using var certificate = new SelfSignedCertificate(Password);
        var error = await Assert.ThrowsAsync<InvalidListenerOptionException>(() => StartTlsAsync("tls-wrong-password", new TlsOptions { CertificatePath = certificate.PfxPath, Password = "not-the-password" }));
        Assert.Equal("tls-wrong-password", error.Listener);
        Assert.Equal("tls.certificate-path", error.Key);
        Assert.Equal(certificate.PfxPath, error.Value);
        Assert.Contains(certificate.PfxPath, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Security.Cryptography.CryptographicException>(error.InnerException);
        Assert.Empty(await Listeners.ListAsync());
    }

    [Fact]
    public async Task A_pem_certificate_with_a_key_that_is_not_its_own_is_an_invalid_certificate_path()
    {
        using var certificate = new SelfSignedCertificate(Password);
        using var other = new SelfSignedCertificate(Password);
        var error = await Assert.ThrowsAsync<InvalidListenerOptionException>(() => StartAsync("tls-wrong-key", Protocol(), o => o with
        {
            Tls = new TlsOptions { CertificatePath = certificate.CertificatePemPath, KeyPath = other.KeyPemPath },
        }));
        Assert.Equal("tls.certificate-path", error.Key);
        Assert.Empty(await Listeners.ListAsync());
    }
}
