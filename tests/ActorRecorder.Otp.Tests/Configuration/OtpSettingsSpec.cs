using Akka.Actor;
using Akka.Configuration;
using Xunit;

namespace ActorRecorder.Otp.Tests.Configuration;

/// <summary>The actor-recorder.otp settings: reference defaults loaded as Akka's fallback, overrides, and bad values named.</summary>
public sealed class OtpSettingsSpec
{
    [Fact]
    public async Task The_reference_defaults_become_the_systems_fallback()
    {
        using var system = ActorSystem.Create("defaults", "akka.loglevel = WARNING");
        var settings = OtpExtension.Get(system).Settings;
        Assert.Equal(TimeSpan.FromSeconds(5), settings.CallTimeout);
        Assert.Equal(20, settings.ReportsPerSecond);
        Assert.True(settings.OrderedShutdown);
        Assert.Equal("5s", system.Settings.Config.GetString("actor-recorder.otp.call-timeout"));
        Assert.Same(OtpExtension.Get(system), OtpExtension.Get(system));
        await system.Terminate();
    }

    [Fact]
    public async Task The_systems_own_config_overrides_the_defaults()
    {
        using var system = ActorSystem.Create("overrides", "actor-recorder.otp { call-timeout = 2s, reports-per-second = 0 }\nakka.loglevel = WARNING");
        var settings = OtpExtension.Get(system).Settings;
        Assert.Equal(TimeSpan.FromSeconds(2), settings.CallTimeout);
        Assert.Equal(0, settings.ReportsPerSecond);
        await system.Terminate();
    }

    [Theory]
    [InlineData("actor-recorder.otp.call-timeout = 0s", "actor-recorder.otp.call-timeout")]
    [InlineData("actor-recorder.otp.reports-per-second = -1", "actor-recorder.otp.reports-per-second = -1")]
    public void A_bad_value_is_refused_naming_the_key(string config, string named)
    {
        var error = Assert.Throws<ConfigurationException>(() => OtpSettings.FromConfig(
            ConfigurationFactory.ParseString(config).WithFallback(OtpExtension.DefaultConfig())));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
