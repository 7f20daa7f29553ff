using System.Reflection;
using System.Text;

namespace ActorRecorder.Hocon.Includes;

/// <summary>Locating and reading configuration embedded as manifest resources.</summary>
internal static class EmbeddedResources
{
    /// <summary>
    /// Finds an embedded resource: first beside the including resource (manifest names use '.'
    /// where folders had '/'), then by exact name, then by a unique name ending in it.
    /// </summary>
    public static string? Find(string[] available, string name, string? relativeTo)
    {
        var isAbsolute = name.StartsWith('/');
        var normalized = name.TrimStart('/').Replace('/', '.').Replace('\\', '.');
        if (relativeTo is not null && !isAbsolute)
        {
            var parts = relativeTo.Split('.');
            for (var keep = parts.Length - 2; keep >= 1; keep--)
            {
                var candidate = string.Join('.', parts, 0, keep) + "." + normalized;
                if (Array.IndexOf(available, candidate) >= 0)
                {
                    return candidate;
                }
            }
        }

        if (Array.IndexOf(available, normalized) >= 0)
        {
            return normalized;
        }

        string? match = null;
        foreach (var resource in available)
        {
            if (resource.EndsWith("." + normalized, StringComparison.Ordinal))
            {
                if (match is not null)
                {
                    throw new ConfigSourceException(name, $"Embedded resource name '{name}' is ambiguous: it matches '{match}' and '{resource}'");
                }

                match = resource;
            }
        }

        return match;
    }

    public static string Read(Assembly assembly, string resourceName)
    {
        try
        {
            using var stream = assembly.GetManifestResourceStream(resourceName)
                ?? throw new ConfigSourceException(resourceName, $"Embedded resource '{resourceName}' could not be opened");
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or NotImplementedException)
        {
            throw new ConfigSourceException(resourceName, $"Embedded resource '{resourceName}' could not be read: {e.Message}", e);
        }
    }
}
