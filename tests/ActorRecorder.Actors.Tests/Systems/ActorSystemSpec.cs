namespace ActorRecorder.Actors.Tests.Systems;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

public sealed class ActorSystemSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void Top_level_actors_live_under_the_user_guardian()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        Assert.Equal($"akka://{Sys.Name}/user/echo", echo.Path.ToString());
        Assert.Equal(["user", "echo"], echo.Path.Elements);
        Assert.Equal(Sys.Address, echo.Path.Address);
    }

    [Fact]
    public void System_actors_live_under_the_system_guardian()
    {
        var echo = Sys.SystemActorOf(Props.Create<Echo>(), "infra");
        Assert.Equal("/system/infra", echo.Path.ToStringWithoutAddress());
        echo.Tell("ping", TestActor);
        ExpectMsg("ping");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("dots.not.allowed")]
    public void An_invalid_system_name_is_refused_with_the_name(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => ActorSystem.Create(name));
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_are_refused_naming_the_setting_and_value()
    {
        var error = Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad", ActorSystemSettings.Default with { Throughput = 0 }));
        Assert.Contains("Throughput = 0", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad", ActorSystemSettings.Default with { SchedulerTicksPerWheel = 100 }));
        Assert.Contains("SchedulerTicksPerWheel = 100", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad", ActorSystemSettings.Default with
        {
            CoordinatedShutdown = new CoordinatedShutdownSettings { PhaseTimeouts = new Dictionary<string, TimeSpan> { ["no-such-phase"] = TimeSpan.FromSeconds(1) } },
        }));
        Assert.Contains("no-such-phase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_stops_every_actor_and_completes_WhenTerminated()
    {
        var a = Sys.ActorOf(Reporter.Props(TestActor, "a"), "a");
        var b = Sys.ActorOf(Reporter.Props(TestActor, "b"), "b");
        ExpectMsgAllOf(new Lifecycle("a", "prestart"), new Lifecycle("b", "prestart"));

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.True(((InternalActorRef)a).IsTerminated);
        Assert.True(((InternalActorRef)b).IsTerminated);
    }

    [Fact]
    public async Task Top_level_actors_stop_in_reverse_start_order_when_the_system_terminates()
    {
        // The test actor itself stops with the system, so the order is recorded outside the actors.
        var stopped = new global::System.Collections.Concurrent.ConcurrentQueue<string>();
        foreach (var id in new[] { "first", "second", "third" })
        {
            Sys.ActorOf(Props.Create(() => new StopRecorder(stopped, id, TestActor)), id);
            ExpectMsg(id);
        }

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["third", "second", "first"], stopped);
    }

    private sealed class StopRecorder(global::System.Collections.Concurrent.ConcurrentQueue<string> stopped, string id, IActorRef probe) : ActorBase
    {
        protected override void PreStart() => probe.Tell(id, Self);

        protected override void PostStop() => stopped.Enqueue(id);

        protected override bool Receive(object message) => false;
    }

    [Fact]
    public async Task DisposeAsync_terminates_the_system()
    {
        var system = ActorSystem.Create("disposable", ActorSystemSettings.Default with { LoggerFactory = Sys.LoggerFactory });
        await system.DisposeAsync();
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ActorOf_after_termination_is_refused_clearly()
    {
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        var error = Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create<Echo>(), "late"));
        Assert.Contains("late", error.Message, StringComparison.Ordinal);
        Assert.Contains("terminat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tell_after_termination_becomes_a_dead_letter()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var letters = new List<DeadLetter>();
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        using (Sys.EventStream.Subscribe(typeof(DeadLetter), e => letters.Add((DeadLetter)e)))
        {
            echo.Tell("too late", TestActor);
        }
        var letter = Assert.Single(letters);
        Assert.Equal("too late", letter.Message);
        Assert.Equal(echo, letter.Recipient);
    }

    [Fact]
    public void Actor_logs_carry_the_actor_path()
    {
        var logger = Sys.ActorOf(Props.Create(() => new Logging()), "logging-actor");
        EventFilter.Info(contains: "hello from the actor", source: logger.Path.ToString()).ExpectOne(() => logger.Tell("log", TestActor));
    }

    [Fact]
    public async Task A_given_logger_factory_receives_the_entries_with_the_path()
    {
        var provider = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Information));
        var system = ActorSystem.Create("with-factory", ActorSystemSettings.Default with { LoggerFactory = factory });
        try
        {
            var actor = system.ActorOf(Props.Create(() => new Logging()), "writer");
            actor.Tell("log", TestActor);
            await AwaitConditionAsync(() => provider.Lines.Any(l => l.Contains("hello from the actor", StringComparison.Ordinal)));
            Assert.Contains(provider.Lines, l => l.Contains("[akka://with-factory/user/writer]", StringComparison.Ordinal));
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private sealed class Logging : ReceiveActor
    {
        public Logging() => Receive<string>(_ => Context.Log.LogInformation("hello from the actor"));
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines) return _lines.ToList();
            }
        }

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._lines) owner._lines.Add(formatter(state, exception));
            }
        }
    }
}
