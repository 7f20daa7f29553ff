namespace ActorRecorder.Server.Cli;

/// <summary>
/// Bad usage found once the command runs (an unreadable input, an output that cannot be created): the message names
/// the option, value or path, and the command exits with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class UsageException(string message, Exception? innerException = null) : Exception(message, innerException);
