using Akka.Configuration;

namespace ActorRecorder.Otp;

/// <summary>The settings under <c>actor-recorder.otp</c>, read once per actor system.</summary>
public sealed record OtpSettings
{
    /// <summary>The timeout of <c>Call</c> and of the supervisor API when the caller gives none (<c>call-timeout</c>).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Supervisor reports logged per second across the system (<c>reports-per-second</c>).</summary>
    public int ReportsPerSecond { get; init; } = 20;

    /// <summary>Whether top-level supervisors shut down in OTP order in CoordinatedShutdown's service-stop phase (<c>ordered-shutdown</c>).</summary>
    public bool OrderedShutdown { get; init; } = true;

    /// <summary>Reads the settings from a system's config, where the reference defaults are the fallback.</summary>
    /// <exception cref="ConfigurationException">A value is out of range; the message names the key and the value.</exception>
    public static OtpSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string prefix = "actor-recorder.otp.";
        var callTimeout = config.GetTimeSpan(prefix + "call-timeout", allowInfinite: false);
        if (callTimeout <= TimeSpan.Zero)
            throw new ConfigurationException($"{prefix}call-timeout = {config.GetString(prefix + "call-timeout")} must be a positive duration.");
        var reports = config.GetInt(prefix + "reports-per-second");
        if (reports < 0)
            throw new ConfigurationException($"{prefix}reports-per-second = {reports} must be 0 (no reports) or more.");
        return new OtpSettings
        {
            CallTimeout = callTimeout,
            ReportsPerSecond = reports,
            OrderedShutdown = config.GetBoolean(prefix + "ordered-shutdown"),
        };
    }
}
