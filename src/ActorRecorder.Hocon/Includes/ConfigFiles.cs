using System.Text;

namespace ActorRecorder.Hocon.Includes;

/// <summary>Reading configuration files, turning I/O failures into <see cref="ConfigSourceException"/>.</summary>
internal static class ConfigFiles
{
    public static string? TryRead(string fullPath, string displayName)
    {
        try
        {
            return File.Exists(fullPath) ? File.ReadAllText(fullPath, Encoding.UTF8) : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ConfigSourceException(displayName, $"Configuration file '{fullPath}' could not be read: {e.Message}", e);
        }
    }

    public static string FullPath(string path, string displayName)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            throw new ConfigSourceException(displayName, $"'{path}' is not a valid file path: {e.Message}", e);
        }
    }
}
