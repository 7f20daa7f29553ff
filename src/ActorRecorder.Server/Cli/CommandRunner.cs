using System.CommandLine;
using System.CommandLine.Invocation;

namespace ActorRecorder.Server.Cli;

/// <summary>Parses and invokes a command line, and maps what can go wrong onto <see cref="ExitCodes"/>.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction parseError)
        {
            // Everything about a bad command line goes to stderr: a piped stdout (export > session.har) never gets help text.
            // With no command at all the help is the answer; after a command, its errors and a pointer to its help are enough.
            var command = parsed.CommandResult.Command;
            parseError.ShowHelp = false;
            var toStderr = new InvocationConfiguration { Output = stderr, Error = stderr };
            await parsed.InvokeAsync(toStderr, cancellationToken).ConfigureAwait(false);
            if (command is RootCommand) await root.Parse(["--help"]).InvokeAsync(toStderr, cancellationToken).ConfigureAwait(false);
            else await stderr.WriteLineAsync($"See '{CliText.Name} {command.Name} --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // No default exception handler: it would exit with 1, which means "a difference" here.
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        // serve stops through the host's console lifetime (drain, flush, exit 0): System.CommandLine's own Ctrl+C / SIGTERM
        // handling would cancel it and exit with 130 after its termination timeout, in the middle of the drain.
        if (parsed.CommandResult.Command.Name == Commands.ServeCommand.Name) invocation.ProcessTerminationTimeout = null;
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"{CliText.Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            // The caller's token or System.CommandLine's own on Ctrl+C / SIGTERM: every internal wait has its own timeout error.
            await stderr.WriteLineAsync($"{CliText.Name}: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"{CliText.Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
