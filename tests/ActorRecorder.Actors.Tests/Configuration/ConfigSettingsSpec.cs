namespace ActorRecorder.Actors.Tests.Configuration;

using ActorRecorder.Hocon;
using ActorRecorder.TestKit.Xunit2;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

public sealed class ConfigSettingsSpec
{
    private static ActorSystemSettings Read(string hocon) => ActorSystemSettings.FromConfig(ConfigurationFactory.ParseString(hocon, "spec"));

    [Fact]
    public void The_defaults_come_from_reference_conf_and_match_the_documented_values()
    {
        var defaults = ActorSystemSettings.Default;
        var initializers = new ActorSystemSettings();
        Assert.Equal(30, defaults.Throughput);
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.AskTimeout);
        Assert.Equal(10, defaults.LogDeadLetters);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.LogDeadLettersPeriod);
        Assert.False(defaults.LogDeadLettersDuringShutdown);
        Assert.Same(SupervisorStrategy.DefaultStrategy, defaults.DefaultSupervisorStrategy);
        Assert.Equal(TimeSpan.FromMilliseconds(10), defaults.SchedulerTickDuration);
        Assert.Equal(512, defaults.SchedulerTicksPerWheel);
        Assert.Equal(LogLevel.Information, defaults.LogLevel);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.CoordinatedShutdown.TimeoutOf(CoordinatedShutdown.PhaseActorSystemTerminate));
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.CoordinatedShutdown.TimeoutOf(CoordinatedShutdown.PhaseServiceUnbind));
        // The code's initializers agree with reference.conf, so there is one set of defaults.
        Assert.Equal(initializers.Throughput, defaults.Throughput);
        Assert.Equal(initializers.AskTimeout, defaults.AskTimeout);
        Assert.Equal(initializers.LogDeadLetters, defaults.LogDeadLetters);
        Assert.Equal(initializers.LogDeadLettersPeriod, defaults.LogDeadLettersPeriod);
        Assert.Equal(initializers.LogFailuresPerSecond, defaults.LogFailuresPerSecond);
        Assert.Equal(initializers.SchedulerTickDuration, defaults.SchedulerTickDuration);
        Assert.Equal(initializers.SchedulerTicksPerWheel, defaults.SchedulerTicksPerWheel);
        Assert.Equal(initializers.CoordinatedShutdown.DefaultPhaseTimeout, defaults.CoordinatedShutdown.DefaultPhaseTimeout);
    }

    [Fact]
    public void Every_kernel_setting_is_read_from_the_configuration()
    {
        var settings = Read("""
            akka {
              loglevel = DEBUG
              log-dead-letters = off
              log-dead-letters-period = 1m
              log-dead-letters-during-shutdown = on
              actor {
                ask-timeout = 250ms
                log-failures-per-second = 3
                default-dispatcher.throughput = 7
                default-supervisor-strategy { max-nr-of-retries = 2, within-time-range = 1 minute }
              }
              scheduler { tick-duration = 5ms, ticks-per-wheel = 64 }
              coordinated-shutdown {
                default-phase-timeout = 2s
                phases.service-unbind.timeout = 30s
              }
            }
            """);
        Assert.Equal(LogLevel.Debug, settings.LogLevel);
        Assert.Equal(0, settings.LogDeadLetters);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.LogDeadLettersPeriod);
        Assert.True(settings.LogDeadLettersDuringShutdown);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.AskTimeout);
        Assert.Equal(3, settings.LogFailuresPerSecond);
        Assert.Equal(7, settings.Throughput);
        Assert.Equal(2, settings.DefaultSupervisorStrategy.MaxNrOfRetries);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.DefaultSupervisorStrategy.WithinTimeRange);
        Assert.Equal(TimeSpan.FromMilliseconds(5), settings.SchedulerTickDuration);
        Assert.Equal(64, settings.SchedulerTicksPerWheel);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.CoordinatedShutdown.TimeoutOf(CoordinatedShutdown.PhaseServiceUnbind));
        Assert.Equal(TimeSpan.FromSeconds(2), settings.CoordinatedShutdown.TimeoutOf("unknown-is-default"));
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Config.GetTimeSpan("akka.coordinated-shutdown.phases.service-unbind.timeout"));
    }

    [Theory]
    [InlineData("akka.actor.default-dispatcher.throughput = 0", "akka.actor.default-dispatcher.throughput = 0")]
    [InlineData("akka.scheduler.ticks-per-wheel = 100", "akka.scheduler.ticks-per-wheel = 100")]
    [InlineData("akka.loglevel = LOUD", "akka.loglevel = LOUD")]
    [InlineData("akka.actor.default-supervisor-strategy.max-nr-of-retries = -5", "max-nr-of-retries = -5")]
    [InlineData("akka.coordinated-shutdown.phases.no-such-phase.timeout = 1s", "no-such-phase")]
    public void A_bad_value_is_refused_naming_the_key_and_value(string hocon, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Read(hocon));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_key()
    {
        var error = Assert.ThrowsAny<ConfigException>(() => Read("akka.actor.ask-timeout = [1, 2]"));
        Assert.Contains("akka.actor.ask-timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_created_from_config_uses_it()
    {
        await using var system = ActorSystem.Create("configured", ConfigurationFactory.ParseString("akka.actor.ask-timeout = 123ms\nakka.loglevel = OFF"));
        Assert.Equal(TimeSpan.FromMilliseconds(123), system.Settings.AskTimeout);
        Assert.Equal(123, system.Settings.Config.GetTimeSpan("akka.actor.ask-timeout").TotalMilliseconds);
        Assert.Equal("truncate", system.Settings.Config.GetString("actor-recorder.recorder.file-mode"));
    }
}

public sealed class TestKitWithConfigSpec(ITestOutputHelper output) : TestKit("akka.actor.ask-timeout = 321ms", output)
{
    [Fact]
    public void The_TestKit_accepts_HOCON()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(321), Sys.Settings.AskTimeout);
    }
}
