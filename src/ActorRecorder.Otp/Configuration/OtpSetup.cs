using Akka.Actor.Setup;

namespace ActorRecorder.Otp;

/// <summary>
/// Objects the OTP extension takes from the code that creates the actor system rather than from config
/// (Akka's <see cref="Setup"/> pattern): <c>ActorSystem.Create(name, BootstrapSetup.Create().And(new OtpSetup(clock)))</c>.
/// </summary>
public sealed class OtpSetup : Setup
{
    /// <summary>Creates the setup.</summary>
    /// <param name="clock">The monotonic clock of the restart windows; a spec can move a manual one by hand.</param>
    public OtpSetup(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
    }

    /// <summary>The monotonic clock of the restart windows.</summary>
    public TimeProvider Clock { get; }
}
