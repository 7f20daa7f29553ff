using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;

namespace ActorRecorder.Otp;

/// <summary>
/// Makes a CoordinatedShutdown phase long enough for a task added to it. A phase's timeout is read once, when
/// CoordinatedShutdown is created: before that it is raised to what the task needs (a timeout the user set stays
/// theirs); after that, or when the user's is shorter, a warning names the setting, so a shutdown is never cut
/// short without a word.
/// </summary>
public static class PhaseTimeouts
{
    /// <summary>The config key of <paramref name="phase"/>'s timeout.</summary>
    public static string Key(string phase) => $"akka.coordinated-shutdown.phases.{phase}.timeout";

    /// <summary>
    /// Asks that <paramref name="phase"/> last at least <paramref name="needed"/> for <paramref name="what"/>; returns
    /// the phase's timeout. Call it before adding the task: it may create the system's CoordinatedShutdown.
    /// </summary>
    public static TimeSpan Require(ExtendedActorSystem system, string phase, TimeSpan needed, string what)
    {
        Raise(system, phase, needed);
        var actual = CoordinatedShutdown.Get(system).Timeout(phase);
        if (needed > actual)
        {
            system.Log.Warning("{0} may take up to {1} but CoordinatedShutdown's {2} phase times out after {3}; set {4} to at least {1}.",
                what, needed, phase, actual, Key(phase));
        }
        return actual;
    }

    /// <summary>
    /// Raises <paramref name="phase"/>'s timeout to <paramref name="needed"/> in the config, if CoordinatedShutdown has
    /// not been created yet and the configured timeout is shorter; creates nothing. Call it as early as possible when
    /// something else may create CoordinatedShutdown before <see cref="Require"/> runs.
    /// </summary>
    public static void Raise(ExtendedActorSystem system, string phase, TimeSpan needed)
    {
        ArgumentNullException.ThrowIfNull(system);
        var key = Key(phase);
        if (system.HasExtension<CoordinatedShutdown>() || needed <= Configured(system.Settings.Config, key)) return;
        system.Settings.InjectTopLevelFallback(ConfigurationFactory.ParseString(
            string.Create(CultureInfo.InvariantCulture, $"{key} = {Math.Ceiling(needed.TotalMilliseconds)}ms")));
    }

    private static TimeSpan Configured(Config config, string key) =>
        config.HasPath(key) ? config.GetTimeSpan(key) : config.GetTimeSpan("akka.coordinated-shutdown.default-phase-timeout");
}
