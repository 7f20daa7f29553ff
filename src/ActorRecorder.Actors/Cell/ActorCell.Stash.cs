namespace ActorRecorder.Actors;

/// <summary>Storage of the stash; it lives in the cell so that a restart can return it to the mailbox.</summary>
internal sealed partial class ActorCell
{
    internal LinkedList<Envelope> StashList => Extras.Stash ??= new LinkedList<Envelope>();

    internal LinkedList<Envelope> UnstashedList => Extras.Unstashed ??= new LinkedList<Envelope>();

    /// <summary>The message being processed with its sender, or null between messages.</summary>
    internal Envelope? CurrentEnvelope => _currentMessage is { } message ? new Envelope(message, _currentSender) : null;

    /// <summary>On restart the stash goes back to the front of the mailbox, so nothing stashed is lost.</summary>
    private void ReturnStashToMailbox()
    {
        if (_extras?.Stash is { Count: > 0 }) _extras.StashHandle?.UnstashAll();
    }
}
