namespace ActorRecorder.Hosting;

/// <summary>
/// Settings of the product that <see cref="ActorRecorderHostingExtensions.WithActorRecorder(Akka.Hosting.AkkaConfigurationBuilder, ActorRecorderOptions)"/>
/// writes into the actor system's HOCON. Each is null (the default) to leave its key alone: then the configuration
/// you add (<c>AddHoconFile</c>, <c>AddHocon</c>) or, failing that, the product's <c>reference.conf</c> decides.
/// </summary>
public sealed class ActorRecorderOptions
{
    /// <summary>How long the listeners' drain on shutdown (host stop) lasts before it cuts what is left: <c>actor-recorder.drain.timeout</c> (10 s by default).</summary>
    public TimeSpan? DrainTimeout { get; set; }

    /// <summary>The timeout of <c>Call</c> and of the supervisor API when the caller gives none: <c>actor-recorder.otp.call-timeout</c> (5 s by default).</summary>
    public TimeSpan? CallTimeout { get; set; }

    /// <summary>The restart intensity of <c>/user/root</c>: <c>actor-recorder.supervision.root</c> (3 in 5 s by default).</summary>
    public RestartIntensity? RootIntensity { get; set; }

    /// <summary>The restart intensity of the <c>listeners</c> supervisor: <c>actor-recorder.supervision.listeners</c> (10 in 5 s by default).</summary>
    public RestartIntensity? ListenersIntensity { get; set; }

    /// <summary>The restart intensity of the <c>recorders</c> supervisor: <c>actor-recorder.supervision.recorders</c> (10 in 5 s by default).</summary>
    public RestartIntensity? RecordersIntensity { get; set; }

    /// <summary>The options that are set, as HOCON; empty when none is.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names the option, its key and the value.</exception>
    internal HoconText ToHocon()
    {
        var hocon = new HoconText();
        if (DrainTimeout is { } drain)
        {
            Require(drain >= TimeSpan.Zero, nameof(DrainTimeout), "actor-recorder.drain.timeout", drain, "must be zero or more");
            hocon.Duration("actor-recorder.drain.timeout", drain);
        }
        if (CallTimeout is { } call)
        {
            Require(call > TimeSpan.Zero, nameof(CallTimeout), "actor-recorder.otp.call-timeout", call, "must be positive");
            hocon.Duration("actor-recorder.otp.call-timeout", call);
        }
        Intensity(hocon, nameof(RootIntensity), "root", RootIntensity);
        Intensity(hocon, nameof(ListenersIntensity), "listeners", ListenersIntensity);
        Intensity(hocon, nameof(RecordersIntensity), "recorders", RecordersIntensity);
        return hocon;
    }

    private static void Intensity(HoconText hocon, string option, string supervisor, RestartIntensity? value)
    {
        if (value is null) return;
        var key = $"actor-recorder.supervision.{supervisor}";
        Require(value.Intensity >= 0, option, $"{key}.intensity", value.Intensity, "must be 0 or more");
        Require(value.Period > TimeSpan.Zero, option, $"{key}.period", value.Period, "must be a positive duration");
        hocon.Int($"{key}.intensity", value.Intensity);
        hocon.Duration($"{key}.period", value.Period);
    }

    private static void Require(bool valid, string option, string key, object value, string rule)
    {
        if (!valid) throw new ArgumentException($"Invalid ActorRecorderOptions.{option} ({key}) = {value}: it {rule}.", option);
    }
}
