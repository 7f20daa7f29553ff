using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Configuration;

namespace ActorRecorder.Otp;

/// <summary>
/// The per-system state of OTP supervision: the settings, the restart-window clock, the report rate
/// limit, and the registry of top-level supervisors that CoordinatedShutdown stops in OTP order.
/// Created on first use; <see cref="Get"/> returns the one of a system.
/// </summary>
public sealed class OtpExtension : IExtension
{
    private static readonly Lazy<Config> Defaults = new(LoadDefaults);

    internal OtpExtension(ExtendedActorSystem system)
    {
        system.Settings.InjectTopLevelFallback(DefaultConfig());
        Settings = OtpSettings.FromConfig(system.Settings.Config);
        var setup = system.Settings.Setup.Get<OtpSetup>();
        Clock = setup.HasValue ? setup.Value.Clock : TimeProvider.System;
        Reports = new ReportLimiter(Settings.ReportsPerSecond, TimeProvider.System);
        TopLevel = new TopLevelSupervisors(system, Settings.OrderedShutdown);
    }

    /// <summary>The settings under <c>actor-recorder.otp</c>.</summary>
    public OtpSettings Settings { get; }

    /// <summary>The monotonic clock the restart windows are measured on (<see cref="OtpSetup"/> replaces it).</summary>
    public TimeProvider Clock { get; }

    internal ReportLimiter Reports { get; }

    internal TopLevelSupervisors TopLevel { get; }

    /// <summary>
    /// Why a supervisor could not start, kept while its ref is alive, for a <see cref="Supervisor.StartAsync"/> that
    /// asked only after the supervisor had already given up and terminated.
    /// </summary>
    internal ConditionalWeakTable<IActorRef, SupervisorStartException> StartFailures { get; } = new();

    /// <summary>The extension of <paramref name="system"/>, created on first use.</summary>
    public static OtpExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<OtpExtension, OtpExtensionProvider>();
    }

    /// <summary>The <c>actor-recorder.otp</c> defaults of the embedded <c>reference.conf</c>, as Akka config.</summary>
    public static Config DefaultConfig() => Defaults.Value;

    private static Config LoadDefaults()
    {
        using var stream = typeof(OtpExtension).Assembly.GetManifestResourceStream("ActorRecorder.reference.conf")
            ?? throw new InvalidOperationException("The embedded reference.conf of ActorRecorder.Otp is missing.");
        using var reader = new StreamReader(stream);
        var otp = ConfigurationFactory.ParseString(reader.ReadToEnd()).GetConfig("actor-recorder.otp");
        // Only this library's section becomes Akka's fallback: the rest of the file belongs to other parts of the product.
        return ConfigurationFactory.ParseString("actor-recorder.otp {\n" + otp.Root + "\n}");
    }
}

/// <summary>The Akka extension id of <see cref="OtpExtension"/>.</summary>
public sealed class OtpExtensionProvider : ExtensionIdProvider<OtpExtension>
{
    /// <inheritdoc />
    public override OtpExtension CreateExtension(ExtendedActorSystem system) => new(system);
}
