using System.CommandLine;
using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Commands;

/// <summary>The argument and options several commands take; each command gets its own instances.</summary>
internal static class CommonSymbols
{
    private const string Server = "server";
    private const string Client = "client";

    /// <summary>The recording to read: it must be an existing file (else bad usage, naming the path).</summary>
    public static Argument<string> Recording()
    {
        var file = new Argument<string>("file.jsonl") { Description = "The recording (JSONL, as actor-recorder's listeners or ZenWebsocket write it)." };
        file.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (Directory.Exists(path)) result.AddError($"'{path}' is a directory, not a recording file.");
            else if (!File.Exists(path)) result.AddError($"Recording file not found: '{path}'.");
        });
        return file;
    }

    /// <summary>
    /// <c>--recorded-by server|client</c>: which end made the recording, so which frames are the client's. A string
    /// option (read it with <see cref="RecordedByValue"/>) so that help shows the lower-case words people type.
    /// </summary>
    public static Option<string> RecordedBy()
    {
        var option = new Option<string>("--recorded-by")
        {
            Description = "Which end recorded the file. 'server' (actor-recorder's listeners record on the server): 'in' frames came from "
                + "the client, 'out' frames went to it. 'client' (e.g. ZenWebsocket, which records on the client): 'out' frames are the "
                + "client's, 'in' frames the server's.",
            HelpName = "server|client",
            DefaultValueFactory = _ => Server,
        };
        option.CompletionSources.Add(Server, Client);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!string.Equals(value, Server, StringComparison.OrdinalIgnoreCase) && !string.Equals(value, Client, StringComparison.OrdinalIgnoreCase))
                result.AddError(Invalid(option, value, $"give '{Server}' or '{Client}'."));
        });
        return option;
    }

    /// <summary>The value of a <see cref="RecordedBy()"/> option.</summary>
    public static RecordedBy RecordedByValue(this ParseResult parsed, Option<string> option) =>
        string.Equals(parsed.GetValue(option), Client, StringComparison.OrdinalIgnoreCase) ? Recordings.RecordedBy.Client : Recordings.RecordedBy.Server;

    /// <summary>A parse error that names <paramref name="option"/> and the <paramref name="value"/> it was given.</summary>
    public static string Invalid(Option option, string value, string why) => $"Invalid value '{value}' for {option.Name}: {why}";
}
