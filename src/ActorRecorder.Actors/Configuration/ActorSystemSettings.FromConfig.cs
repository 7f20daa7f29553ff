using ActorRecorder.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>Reading the kernel's settings from HOCON (keys under <c>akka</c>, see <c>hocon/reference.conf</c>).</summary>
public sealed partial record ActorSystemSettings
{
    /// <summary>
    /// Settings read from <paramref name="config"/> over the reference configuration. A value of the
    /// wrong type throws a <see cref="ConfigException"/> naming the key; a value out of range throws
    /// an <see cref="ArgumentException"/> naming the key and the value.
    /// </summary>
    public static ActorSystemSettings FromConfig(Config config)
    {
        var c = ReferenceConfig.WithReference(config);
        var settings = new ActorSystemSettings
        {
            Config = c,
            LogLevel = ReadLogLevel(c, "akka.loglevel"),
            LogDeadLetters = ReadCount(c, "akka.log-dead-letters"),
            LogDeadLettersPeriod = Positive(c, "akka.log-dead-letters-period"),
            LogDeadLettersDuringShutdown = c.GetBoolean("akka.log-dead-letters-during-shutdown"),
            AskTimeout = ReadAskTimeout(c, "akka.actor.ask-timeout"),
            LogFailuresPerSecond = ReadCount(c, "akka.actor.log-failures-per-second"),
            Throughput = Require(c, "akka.actor.default-dispatcher.throughput", c.GetInt("akka.actor.default-dispatcher.throughput"), v => v > 0, "must be at least 1"),
            DefaultSupervisorStrategy = ReadStrategy(c, "akka.actor.default-supervisor-strategy"),
            SchedulerTickDuration = Require(c, "akka.scheduler.tick-duration", c.GetTimeSpan("akka.scheduler.tick-duration"),
                v => v >= TimeSpan.FromMilliseconds(1), "must be at least 1 ms"),
            SchedulerTicksPerWheel = Require(c, "akka.scheduler.ticks-per-wheel", c.GetInt("akka.scheduler.ticks-per-wheel"),
                v => v > 0 && (v & (v - 1)) == 0, "must be a positive power of two"),
            CoordinatedShutdown = ReadShutdown(c),
        };
        settings.Validate();
        return settings;
    }

    private static T Require<T>(Config config, string key, T value, Func<T, bool> valid, string rule)
    {
        _ = config;
        if (!valid(value)) throw new ArgumentException($"Invalid configuration {key} = {value}: it {rule}.", key);
        return value;
    }

    private static int ReadCount(Config c, string key)
    {
        // "off" reads as 0: nothing is logged.
        if (c.GetValue(key) is Hocon.HoconString { Value: var text } && (text is "off" or "false" or "no")) return 0;
        return Require(c, key, c.GetInt(key), v => v >= 0, "must be 0 (off) or positive");
    }

    private static TimeSpan Positive(Config c, string key) =>
        Require(c, key, c.GetTimeSpan(key), v => v > TimeSpan.Zero && v != Timeout.InfiniteTimeSpan, "must be a positive duration");

    private static TimeSpan ReadAskTimeout(Config c, string key) =>
        Require(c, key, c.GetTimeSpan(key), v => v > TimeSpan.Zero || v == Timeout.InfiniteTimeSpan, "must be a positive duration or infinite");

    private static LogLevel ReadLogLevel(Config c, string key)
    {
        var text = c.GetString(key);
        return text.ToUpperInvariant() switch
        {
            "DEBUG" => LogLevel.Debug,
            "INFO" => LogLevel.Information,
            "WARNING" or "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "OFF" or "FALSE" => LogLevel.None,
            _ => throw new ArgumentException($"Invalid configuration {key} = {text}: it must be DEBUG, INFO, WARNING, ERROR or OFF.", key),
        };
    }

    private static SupervisorStrategy ReadStrategy(Config c, string section)
    {
        var retriesKey = $"{section}.max-nr-of-retries";
        var windowKey = $"{section}.within-time-range";
        var retries = Require(c, retriesKey, c.GetInt(retriesKey), v => v >= -1, "must be -1 (no limit), 0 or positive");
        var window = Require(c, windowKey, c.GetTimeSpan(windowKey), v => v > TimeSpan.Zero, "must be a positive duration or infinite");
        return retries == SupervisorStrategy.DefaultMaxNrOfRetries && window == SupervisorStrategy.DefaultWithinTimeRange
            ? SupervisorStrategy.DefaultStrategy
            : new OneForOneStrategy(retries, window, SupervisorStrategy.DefaultDecider);
    }

    private static CoordinatedShutdownSettings ReadShutdown(Config c)
    {
        const string section = "akka.coordinated-shutdown";
        var timeouts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (c.HasPath($"{section}.phases"))
        {
            foreach (var phase in c.GetConfig($"{section}.phases").Keys)
            {
                var key = $"{section}.phases.{phase}.timeout";
                if (!Actors.CoordinatedShutdown.KnownPhases.Contains(phase))
                    throw new ArgumentException(
                        $"Invalid configuration {section}.phases.{phase}: unknown coordinated-shutdown phase (known: {string.Join(", ", Actors.CoordinatedShutdown.KnownPhases)}).",
                        key);
                if (c.HasPath(key)) timeouts[phase] = Positive(c, key);
            }
        }
        return new CoordinatedShutdownSettings { DefaultPhaseTimeout = Positive(c, $"{section}.default-phase-timeout"), PhaseTimeouts = timeouts };
    }
}
