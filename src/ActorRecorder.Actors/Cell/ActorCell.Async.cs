namespace ActorRecorder.Actors;

/// <summary>Async handlers: the actor holds user messages until the task completes; a fault is a failure.</summary>
internal sealed partial class ActorCell
{
    internal void RunTask(Func<Task> work)
    {
        var extras = Extras;
        var context = extras.AsyncContext is { } existing && existing.Generation == extras.AsyncGeneration
            ? existing
            : extras.AsyncContext = new ActorSynchronizationContext(this, extras.AsyncGeneration);

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = work() ?? throw new InvalidOperationException("An async handler returned null instead of a Task.");
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            // Rethrows a fault synchronously, so it becomes a failure of this message.
            task.GetAwaiter().GetResult();
            return;
        }

        _hold |= Hold.AwaitingTask;
        extras.PendingTasks++;
        extras.AsyncMessage = _currentMessage;
        extras.AsyncSender = _currentSender;
        task.ContinueWith(
            static (completed, state) =>
            {
                var ctx = (ActorSynchronizationContext)state!;
                ctx.Cell.PostSystemMessage(new AsyncHandlerCompleted(completed, ctx.Generation));
            },
            context, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void HandleContinuation(RunContinuation continuation)
    {
        if (_extras is not { } extras || continuation.Generation != extras.AsyncGeneration || _lifecycle != LifecycleRunning) return;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(extras.AsyncContext);
        var previousCurrent = t_current;
        t_current = this;
        _currentMessage = extras.AsyncMessage;
        _currentSender = extras.AsyncSender;
        try
        {
            continuation.Callback(continuation.State);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
            t_current = previousCurrent;
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void HandleAsyncHandlerCompleted(AsyncHandlerCompleted completed)
    {
        if (_extras is not { } extras || completed.Generation != extras.AsyncGeneration) return;
        if (--extras.PendingTasks <= 0)
        {
            extras.PendingTasks = 0;
            _hold &= ~Hold.AwaitingTask;
        }
        if (_lifecycle != LifecycleRunning || completed.Task.IsCompletedSuccessfully) return;

        var failure = completed.Task.IsCanceled
            ? new TaskCanceledException(completed.Task)
            : completed.Task.Exception!.InnerExceptions.Count == 1 ? completed.Task.Exception.InnerException! : completed.Task.Exception;
        _currentMessage = extras.AsyncMessage;
        _currentSender = extras.AsyncSender;
        try
        {
            HandleInvokeFailure(failure);
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }

    /// <summary>Forgets in-flight async handlers (on stop or restart): their continuations are dropped.</summary>
    private void AbandonAsyncHandlers()
    {
        if (_extras is { } extras)
        {
            extras.AsyncGeneration++;
            extras.PendingTasks = 0;
            extras.AsyncContext = null;
        }
        _hold &= ~Hold.AwaitingTask;
    }
}
