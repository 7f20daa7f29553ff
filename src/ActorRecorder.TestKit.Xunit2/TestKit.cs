using ActorRecorder.Hocon;
using ActorRecorder.Actors;
using ActorRecorder.TestKit.Xunit2.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ActorRecorder.TestKit.Xunit2;

/// <summary>
/// Base class of xunit specs: a fresh <see cref="ActorSystem"/> per test (xunit creates one class
/// instance per test), terminated when the test ends. The system's log goes to the test's
/// <see cref="ITestOutputHelper"/> when one is given.
/// </summary>
public abstract class TestKit : TestKitBase, IDisposable
{
    private static long _systems;

    static TestKit()
    {
        // Specs often block an actor on purpose (a handler or PostStop that waits on a gate). On a
        // 2-core machine the pool starts with 2 threads and adds more slowly, so a blocked thread
        // would delay every other actor of the test run; more threads up front keep timings sane.
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < 16) ThreadPool.SetMinThreads(16, io);
    }
    private readonly ILoggerFactory? _ownedLoggerFactory;
    private readonly ITestOutputHelper? _output;
    private bool _disposed;

    /// <summary>A kit with default settings.</summary>
    protected TestKit(ITestOutputHelper? output = null)
        : this(ActorSystemSettings.Default, output)
    {
    }

    /// <summary>A kit whose system is configured by HOCON (over <c>reference.conf</c>).</summary>
    protected TestKit(Config config, ITestOutputHelper? output = null)
        : this(ActorSystemSettings.FromConfig(config), output)
    {
    }

    /// <summary>A kit whose system is configured by HOCON text, e.g. <c>"akka.actor.ask-timeout = 1s"</c>.</summary>
    protected TestKit(string config, ITestOutputHelper? output = null)
        : this(ConfigurationFactory.ParseString(config, "TestKit config"), output)
    {
    }

    /// <summary>A kit whose system uses <paramref name="settings"/>.</summary>
    protected TestKit(ActorSystemSettings settings, ITestOutputHelper? output = null, string? systemName = null)
        : this(Prepare(settings, output, systemName), output)
    {
    }

    private TestKit((ActorSystem System, ILoggerFactory? Owned, TestKitSettings Settings) prepared, ITestOutputHelper? output)
        : base(prepared.System, prepared.Settings, "testActor")
    {
        _ownedLoggerFactory = prepared.Owned;
        _output = output;
    }

    private static (ActorSystem, ILoggerFactory?, TestKitSettings) Prepare(ActorSystemSettings settings, ITestOutputHelper? output, string? systemName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var kitSettings = TestKitSettings.FromEnvironment();
        ILoggerFactory? owned = null;
        if (settings.LoggerFactory is null)
        {
            owned = output is null
                ? NullLoggerFactory.Instance
                : LoggerFactory.Create(b => b.SetMinimumLevel(settings.LogLevel).AddProvider(new TestOutputLoggerProvider(output, settings.LogLevel)));
            settings = settings with { LoggerFactory = owned };
        }
        var name = systemName ?? $"test-{Interlocked.Increment(ref _systems)}";
        return (ActorSystem.Create(name, settings), owned, kitSettings);
    }

    /// <summary>Terminates the system, waiting up to the dilated shutdown timeout.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing) return;
        _disposed = true;
        var timeout = Dilated(Settings.ShutdownTimeout);
        if (!Sys.Terminate().Wait(timeout))
        {
            try
            {
                _output?.WriteLine($"Actor system {Sys.Name} did not terminate within {timeout}; an actor is probably stuck in a handler or PostStop.");
            }
            catch (InvalidOperationException)
            {
                // The test has finished and its output is closed.
            }
        }
        if (!ReferenceEquals(_ownedLoggerFactory, NullLoggerFactory.Instance)) _ownedLoggerFactory?.Dispose();
    }
}
