namespace ActorRecorder.Actors.Tests.Readme;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

/// <summary>The README's examples, kept here so the README stays true.</summary>
public sealed class ReadmeExampleSpec(ITestOutputHelper output) : TestKit(output)
{
    public sealed record Deposit(decimal Amount);

    public sealed record GetBalance;

    public sealed class Account : ReceiveActor
    {
        private decimal _balance;

        public Account()
        {
            Receive<Deposit>(d =>
            {
                if (d.Amount <= 0) throw new ArgumentOutOfRangeException(nameof(d.Amount));
                _balance += d.Amount;
            });
            Receive<GetBalance>(_ => Sender.Tell(_balance));
        }
    }

    public sealed class Bank : ReceiveActor
    {
        public Bank()
        {
            var account = Context.ActorOf(Props.Create<Account>(), "alice");
            ReceiveAny(m => account.Forward(m));
        }

        protected override SupervisorStrategy SupervisorStrategy() =>
            new OneForOneStrategy(3, TimeSpan.FromSeconds(10), _ => Directive.Restart);
    }

    [Fact]
    public async Task The_first_actor_example_behaves_as_the_README_says()
    {
        var bank = Sys.ActorOf(Props.Create<Bank>(), "bank");
        bank.Tell(new Deposit(100));
        bank.Tell(new Deposit(-1));
        var balance = await bank.Ask<decimal>(new GetBalance());
        Assert.Equal(0m, balance);
    }

    [Fact]
    public void The_testing_example_behaves_as_the_README_says()
    {
        var account = Sys.ActorOf(Props.Create<Account>());
        account.Tell(new Deposit(5), TestActor);
        account.Tell(new GetBalance(), TestActor);
        ExpectMsg(5m);
    }

    [Fact]
    public async Task The_supervision_example_starts_the_tree()
    {
        var webFlags = new SupervisorFlags();
        IReadOnlyList<ChildSpec> webChildren = [new ChildSpec("http", Props.Create<Account>())];
        var flags = new SupervisorFlags(SupervisorStrategyKind.RestForOne, intensity: 3, period: TimeSpan.FromSeconds(10));
        var tree = await Supervisor.StartAsync(Sys, "app", flags,
        [
            new ChildSpec("db", Props.Create<Account>(), shutdown: Shutdown.Timeout(TimeSpan.FromSeconds(10))),
            new ChildSpec("cache", Props.Create<Account>(), Restart.Transient),
            new ChildSpec("web", Supervisor.Props(webFlags, webChildren), type: ChildType.Supervisor),
        ]);
        Assert.Equal(new ChildCounts(3, 3, 1, 2), await tree.CountChildrenAsync());
    }
}
