namespace ActorRecorder.Hosting;

/// <summary>
/// The key of the product's root supervisor (<c>/user/root</c>, an OTP one_for_one supervisor with <c>listeners</c> and
/// <c>recorders</c>) in Akka.Hosting's <c>ActorRegistry</c>: take <c>IRequiredActor&lt;RootSupervisorKey&gt;</c> in a
/// constructor and ask the supervisor API of it (<c>WhichChildrenAsync</c>, <c>CountChildrenAsync</c>, ...).
/// </summary>
public sealed class RootSupervisorKey
{
    private RootSupervisorKey()
    {
    }
}
