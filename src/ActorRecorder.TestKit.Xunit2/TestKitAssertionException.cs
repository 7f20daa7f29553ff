using Xunit.Sdk;

namespace ActorRecorder.TestKit.Xunit2;

/// <summary>An expectation of the TestKit failed; the message says what was expected and what arrived.</summary>
public sealed class TestKitAssertionException : XunitException
{
    /// <summary>Creates the exception.</summary>
    public TestKitAssertionException(string message) : base(message)
    {
    }
}
