using System.Diagnostics.CodeAnalysis;

namespace ActorRecorder.Hocon.Resolution;

/// <summary>
/// Raised inside the resolver when a lookup runs into a value that is still being resolved.
/// The nearest substitution catches it: an optional one becomes undefined (as the spec asks),
/// a required one turns it into a <see cref="ConfigResolveException"/>. It never leaves the resolver.
/// </summary>
[SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Internal control flow; always converted before leaving the resolver.")]
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal control flow with a required description.")]
internal sealed class CycleSignal(string chain) : Exception(chain)
{
    /// <summary>The paths involved, e.g. <c>a -> b -> a</c>.</summary>
    public string Chain { get; } = chain;
}
