using ActorRecorder.Hocon;
using Akka.Hosting;

namespace ActorRecorder.Hosting;

public static partial class ActorRecorderHostingExtensions
{
    /// <summary>
    /// Adds a HOCON file (or JSON, or Java properties, by extension) read with the project's spec-conformant loader,
    /// <see cref="HoconLoader.ParseFile(string)"/>: includes, substitutions and environment variables
    /// (<c>port = ${?PORT}</c>) work, and nothing after them is dropped, unlike Akka's own parser (which Akka.Hosting's
    /// <c>AddHoconFile(path, addMode)</c> uses). The file goes over everything added to the builder before it (later
    /// calls win, as with <c>HoconAddMode.Prepend</c>), and always over the product's <c>reference.conf</c> and Akka's
    /// defaults. It is read when Akka.Hosting runs the builder, that is when the host starts: a missing file or a
    /// syntax error fails the host's start.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file; a relative path is taken from the current directory. Its own includes resolve against its directory.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ConfigSourceException">The file, or a required include, does not exist or cannot be read; the message names it.</exception>
    /// <exception cref="HoconParseException">A syntax error; the message is <c>path:line:column: expected ... but found ...</c>.</exception>
    /// <exception cref="ConfigResolveException">A substitution that is not optional cannot be resolved; the message names the path, line and column.</exception>
    public static AkkaConfigurationBuilder AddHoconFile(this AkkaConfigurationBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.AddHocon(HoconLoader.ParseFile(path), HoconAddMode.Prepend);
    }
}
