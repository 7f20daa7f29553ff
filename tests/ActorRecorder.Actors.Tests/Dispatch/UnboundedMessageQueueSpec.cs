namespace ActorRecorder.Actors.Tests.Dispatch;

using Xunit;

public sealed class UnboundedMessageQueueSpec
{
    [Fact]
    public void One_producer_gets_first_in_first_out_across_segments()
    {
        var queue = new UnboundedMessageQueue();
        for (var i = 0; i < 20_000; i++) queue.Enqueue(i, null, out _);
        Assert.Equal(20_000, queue.Count);
        for (var i = 0; i < 20_000; i++)
        {
            Assert.True(queue.TryDequeue(out var envelope));
            Assert.Equal(i, envelope.Message);
        }
        Assert.False(queue.TryDequeue(out _));
        Assert.False(queue.HasMessages);
    }

    [Fact]
    public void Concurrent_producers_lose_nothing_and_keep_their_own_order()
    {
        var queue = new UnboundedMessageQueue();
        const int producers = 8;
        const int perProducer = 50_000;
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            for (var i = 0; i < perProducer; i++) queue.Enqueue((p, i), null, out _);
        })).ToList();
        threads.ForEach(t => t.Start());

        var next = new int[producers];
        var taken = 0;
        var spinner = new SpinWait();
        while (taken < producers * perProducer)
        {
            if (!queue.TryDequeue(out var envelope))
            {
                spinner.SpinOnce();
                continue;
            }
            var (producer, number) = ((int, int))envelope.Message;
            Assert.Equal(next[producer], number);
            next[producer]++;
            taken++;
        }
        threads.ForEach(t => t.Join());
        Assert.All(next, n => Assert.Equal(perProducer, n));
        Assert.False(queue.HasMessages);
    }

    [Fact]
    public void A_new_queue_allocates_no_segment_until_the_first_message()
    {
        var queue = new UnboundedMessageQueue();
        Assert.False(queue.HasMessages);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
        queue.Enqueue("x", null, out _);
        Assert.True(queue.HasMessages);
    }

    [Fact]
    public void A_drained_large_segment_is_given_up_for_a_small_one()
    {
        var queue = new UnboundedMessageQueue();
        // A burst the consumer does not keep up with grows the segments…
        for (var i = 0; i < 10_000; i++) queue.Enqueue(i, null, out _);
        Assert.True(queue.TailCapacity >= 256, $"the burst should have grown the segments, tail has {queue.TailCapacity} slots");
        for (var i = 0; i < 10_000; i++) Assert.True(queue.TryDequeue(out _));
        // …and the first empty read after it seals the big one: an idle actor holds a small array again.
        Assert.False(queue.TryDequeue(out _));
        Assert.True(queue.TailCapacity <= 16, $"after draining, the tail segment still has {queue.TailCapacity} slots");
        queue.Enqueue("after", null, out _);
        Assert.True(queue.TryDequeue(out var envelope));
        Assert.Equal("after", envelope.Message);
    }

    [Fact]
    public void Sealing_races_with_producers_lose_nothing()
    {
        var queue = new UnboundedMessageQueue();
        const int rounds = 200;
        const int burst = 500;
        var producer = new Thread(() =>
        {
            for (var r = 0; r < rounds; r++)
            {
                for (var i = 0; i < burst; i++) queue.Enqueue(r * burst + i, null, out _);
                Thread.Yield();
            }
        });
        producer.Start();
        var expected = 0;
        var spinner = new SpinWait();
        while (expected < rounds * burst)
        {
            if (queue.TryDequeue(out var envelope))
            {
                Assert.Equal(expected++, envelope.Message);
            }
            else
            {
                spinner.SpinOnce();
            }
        }
        producer.Join();
        Assert.False(queue.TryDequeue(out _));
    }
}
