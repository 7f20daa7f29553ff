using System.Collections;

namespace ActorRecorder.Actors;

/// <summary>
/// The state of an actor's log entry: the caller's structured state plus an <c>ActorPath</c>
/// property, and a message prefixed with the path, so every entry says which actor wrote it.
/// </summary>
internal readonly struct ActorLogState<TState>(string path, TState state, Func<TState, Exception?, string> formatter)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Path { get; } = path;

    public string Render(Exception? exception) => $"[{Path}] {formatter(state, exception)}";

    public int Count => (state as IReadOnlyList<KeyValuePair<string, object?>>)?.Count + 1 ?? 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new KeyValuePair<string, object?>("ActorPath", Path)
                   : ((IReadOnlyList<KeyValuePair<string, object?>>)state!)[index - 1];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Render(null);
}
