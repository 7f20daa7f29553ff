namespace ActorRecorder.Actors.Tests.Shutdown;

using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class CoordinatedShutdownSpec(ITestOutputHelper output)
    : TestKit(ActorSystemSettings.Default with
    {
        CoordinatedShutdown = new CoordinatedShutdownSettings
        {
            PhaseTimeouts = new Dictionary<string, TimeSpan>
            {
                [CoordinatedShutdown.PhaseServiceRequestsDone] = TimeSpan.FromMilliseconds(200),
                [CoordinatedShutdown.PhaseActorSystemTerminate] = TimeSpan.FromSeconds(10),
            },
        },
    }, output)
{
    [Fact]
    public async Task Phases_run_in_order_and_Terminate_runs_them()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var order = new List<string>();
        foreach (var phase in CoordinatedShutdown.KnownPhases.Take(5).Reverse())
        {
            shutdown.AddTask(phase, $"record-{phase}", _ =>
            {
                lock (order) order.Add(phase);
                return Task.CompletedTask;
            });
        }
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(CoordinatedShutdown.KnownPhases.Take(5), order);
        Assert.Same(CoordinatedShutdown.Reason.ActorSystemTerminate, shutdown.ShutdownReason);
    }

    [Fact]
    public async Task Tasks_of_one_phase_run_concurrently()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "a", async _ =>
        {
            first.SetResult();
            await second.Task;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "b", async _ =>
        {
            await first.Task;
            second.SetResult();
        });
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(second.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_failing_task_is_logged_and_the_next_phase_still_runs()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var laterRan = false;
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "explodes", _ => throw new InvalidOperationException("unbind failed"));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "later", _ =>
        {
            laterRan = true;
            return Task.CompletedTask;
        });
        await EventFilter.Exception<InvalidOperationException>(contains: "explodes").ExpectOneAsync(() => shutdown.Run(CoordinatedShutdown.Reason.Unknown));
        Assert.True(laterRan);
    }

    [Fact]
    public async Task A_task_that_overruns_its_phase_is_cancelled_and_logged_and_the_next_phase_runs()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var laterRan = false;
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "slow", async token =>
        {
            using var registration = token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "later", _ =>
        {
            laterRan = true;
            return Task.CompletedTask;
        });
        await EventFilter.Warning(contains: "slow").ExpectOneAsync(() => shutdown.Run(CoordinatedShutdown.Reason.Unknown));
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(laterRan);
    }

    [Fact]
    public async Task A_task_that_blocks_before_its_first_await_does_not_hold_up_its_phase()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        using var release = new ManualResetEventSlim();
        var siblingRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var laterRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "blocks", _ =>
        {
            release.Wait(TimeSpan.FromSeconds(30)); // synchronous, before any await
            return Task.CompletedTask;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "sibling", _ =>
        {
            siblingRan.SetResult();
            return Task.CompletedTask;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "later", _ =>
        {
            laterRan.SetResult();
            return Task.CompletedTask;
        });
        var run = shutdown.Run(CoordinatedShutdown.Reason.Unknown);
        try
        {
            await siblingRan.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await laterRan.Task.WaitAsync(TimeSpan.FromSeconds(10)); // after the 200 ms phase timeout, not after the blocked task
        }
        finally
        {
            release.Set();
        }
        await run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_task_that_returns_null_is_a_logged_failure()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "null-task", _ => null!);
        await EventFilter.Error(contains: "null-task").ExpectOneAsync(() => shutdown.Run(CoordinatedShutdown.Reason.Unknown));
    }

    [Fact]
    public async Task Run_is_idempotent()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var runs = 0;
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "count", _ =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        var first = shutdown.Run(CoordinatedShutdown.Reason.Unknown);
        var second = shutdown.Run(CoordinatedShutdown.Reason.ProcessExit);
        Assert.Same(first, second);
        await first.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, runs);
        Assert.Same(CoordinatedShutdown.Reason.Unknown, shutdown.ShutdownReason);
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void Bad_tasks_are_refused_naming_the_phase()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var error = Assert.Throws<ArgumentException>(() => shutdown.AddTask("not-a-phase", "x", _ => Task.CompletedTask));
        Assert.Contains("not-a-phase", error.Message, StringComparison.Ordinal);
        Assert.Contains(CoordinatedShutdown.PhaseServiceUnbind, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, " ", _ => Task.CompletedTask));
        Assert.Throws<ArgumentNullException>(() => shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "x", null!));
    }

    [Fact]
    public async Task Adding_to_a_phase_that_already_ran_is_refused()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        await shutdown.Run(CoordinatedShutdown.Reason.Unknown).WaitAsync(TimeSpan.FromSeconds(20));
        var error = Assert.Throws<InvalidOperationException>(() => shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "late", _ => Task.CompletedTask));
        Assert.Contains(CoordinatedShutdown.PhaseServiceUnbind, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Phase_timeouts_come_from_the_settings()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        Assert.Equal(TimeSpan.FromMilliseconds(200), shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone));
        Assert.Equal(TimeSpan.FromSeconds(5), shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind));
    }
}
