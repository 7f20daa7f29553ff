using System.Text;
using System.Text.Json;

namespace ActorRecorder.Http;

/// <summary>A request handler's answer: a status, headers and a body. Build it with <see cref="Text"/>, <see cref="Html"/>, <see cref="Json"/>, <see cref="Redirect"/> or <see cref="Status"/>.</summary>
public sealed record HttpResponse
{
    /// <summary>The status code.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>The Content-Type, if there is a body.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Other headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Plain UTF-8 text.</summary>
    public static HttpResponse Text(string text, int status = 200) =>
        new() { StatusCode = status, ContentType = "text/plain; charset=utf-8", Body = Encoding.UTF8.GetBytes(text) };

    /// <summary>An HTML page.</summary>
    public static HttpResponse Html(string html, int status = 200) =>
        new() { StatusCode = status, ContentType = "text/html; charset=utf-8", Body = Encoding.UTF8.GetBytes(html) };

    /// <summary><paramref name="value"/> as JSON (System.Text.Json, web defaults).</summary>
    public static HttpResponse Json<T>(T value, int status = 200) =>
        new() { StatusCode = status, ContentType = "application/json; charset=utf-8", Body = JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web) };

    /// <summary>A redirect to <paramref name="location"/>: 302, or 301 when permanent.</summary>
    public static HttpResponse Redirect(string location, bool permanent = false) =>
        new() { StatusCode = permanent ? 301 : 302, Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Location"] = location } };

    /// <summary>A status with no body.</summary>
    public static HttpResponse Status(int status) => new() { StatusCode = status };

    /// <summary>This response with one more header.</summary>
    public HttpResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };
}
