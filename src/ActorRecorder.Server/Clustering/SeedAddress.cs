using Akka.Actor;

namespace ActorRecorder.Server.Clustering;

/// <summary>Checks a --seed value: an Akka address of this program's actor system, with a fixed port.</summary>
internal static class SeedAddress
{
    /// <summary>Null when <paramref name="text"/> is a seed address, else why it is not.</summary>
    public static string? Check(string? text)
    {
        const string Example = "akka.tcp://actor-recorder@127.0.0.1:4053";
        if (string.IsNullOrWhiteSpace(text) || !Address.TryParse(text.Trim(), out var address) || !address.HasGlobalScope)
            return $"give a node's address, e.g. {Example}.";
        if (address.System != Serving.ServerHost.SystemName)
            return $"every node's actor system is named '{Serving.ServerHost.SystemName}', not '{address.System}': e.g. {Example}.";
        if (address.Port is not > 0) return $"a seed node has a fixed port: e.g. {Example}.";
        return null;
    }
}
