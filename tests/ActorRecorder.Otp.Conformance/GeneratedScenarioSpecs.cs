using System.Globalization;
using ActorRecorder.Otp.Conformance.Scenarios;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Conformance;

/// <summary>
/// Generated scenarios run on OTP's supervisor and on ours, traces compared. 200 from a fixed seed by default;
/// <c>ACTORRECORDER_CONFORMANCE_COUNT</c> and <c>ACTORRECORDER_CONFORMANCE_SEED</c> choose others. A failure
/// is shrunk and printed with its seed, as Erlang terms and as C# for <see cref="RegressionScenarios"/>.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class GeneratedScenarioSpecs(ConformanceDrivers drivers, ITestOutputHelper output)
{
    /// <summary>The seed when none is given.</summary>
    public const ulong DefaultSeed = 20261205;

    /// <summary>The number of scenarios when none is given.</summary>
    public const int DefaultCount = 200;

    /// <summary>Every generated scenario's traces agree, or the shrunk scenario that does not is printed with its seed.</summary>
    [Fact]
    public void Generated_scenarios_do_on_our_supervisor_what_they_do_on_OTP()
    {
        var count = Setting("ACTORRECORDER_CONFORMANCE_COUNT", DefaultCount, int.Parse);
        var seed = Setting("ACTORRECORDER_CONFORMANCE_SEED", DefaultSeed, ulong.Parse);
        var ran = 0;
        var tally = new ScenarioTally();
        var property = Prop.ForAll(ScenarioGen.Arbitrary, scenario =>
        {
            ran++;
            var (otp, difference) = drivers.CompareAsync(scenario).GetAwaiter().GetResult();
            if (difference is not null) throw new ConformanceException(difference);
            tally.Add(scenario, otp);
        });
        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithReplay(new Replay(new Rnd(seed), null)).WithQuietOnSuccess(true);
        try
        {
            Check.One(config, property);
        }
        catch (Exception e) when (e is not ConformanceException)
        {
            throw new ConformanceException(
                $"A generated scenario (seed {seed}: ACTORRECORDER_CONFORMANCE_SEED={seed} ACTORRECORDER_CONFORMANCE_COUNT={count}) behaves differently on our Supervisor than on OTP {drivers.Otp.OtpRelease}.\n{e.Message}");
        }
        output.WriteLine($"{count} generated scenarios (seed {seed}) agree with OTP {drivers.Otp.OtpRelease}.");
        output.WriteLine(tally.ToString());
        Assert.True(ran >= count, $"FsCheck ran {ran} scenarios, fewer than the {count} asked for.");
        // The generator reaches every strategy and every way a supervisor ends; a generator that stopped doing so would test less.
        Assert.Equal(4, tally.Strategies.Count);
        Assert.All(["end", "shutdown step", "reached_max_restart_intensity", "auto_shutdown"], e => Assert.Contains(e, tally.Endings.Keys));
    }

    private static T Setting<T>(string name, T fallback, Func<string, IFormatProvider, T> parse)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        try
        {
            return parse(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{name}='{text}' is not a valid {typeof(T).Name}.", e);
        }
    }
}

/// <summary>Our supervisor did something OTP's did not.</summary>
public sealed class ConformanceException(string message) : Exception(message);
