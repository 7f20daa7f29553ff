using System.Text;
using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Robustness;

/// <summary>
/// Feeds truncated, mutated and random text through parse, resolve, render and JSON conversion.
/// Every input must end in a config or a <see cref="ConfigException"/>; anything else (a crash,
/// another exception type, a hang) fails the test, with the offending input in the message.
/// </summary>
public sealed class FuzzTests
{
    private const int Iterations = 10_000;
    private const string Alphabet = "{}[]:=,+#\"$?.\n\n \t/\\abcxyz019-eE_()!`@*&^'\u00e9\u00a0";

    private static readonly string[] Samples =
    [
        """
        akka {
          loglevel = "INFO"
          loggers = ["Akka.Event.DefaultLogger"]
          actor {
            provider = local
            default-dispatcher { throughput = 5, type = Dispatcher }
            deployment { /user/router { router = round-robin-pool, nr-of-instances = 5 } }
          }
          remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0, maximum-frame-size = 128000b }
          scheduler.tick-duration = 10ms
        }
        """,
        "a = 1\nb = ${a}\nc = ${?missing}\nd = ${a} text ${b}\nlist = [1, 2] [3]\nlist += 4\no = { x = 1 } { y = ${a} }",
        "path = [a]\npath = ${path} [b]\ns = x\ns = ${s}\":y\"\nfoo { a { c = 1 } }\nfoo = ${foo.a}\nfoo { a = 2 }",
        "\"quoted.key\".sub = \"\"\"multi\n\"line\"\"\"\"\nk = \"esc\\n\\u0041\"\ninclude \"nothing-here.conf\"\nn = null\nt = true",
        "{ \"json\": [1, 2.5, -3e2, true, false, null, {\"a\": \"b\"}], \"nested\": { \"x\": {} } }",
        "a : ${b}\nb : ${c}\nc : ${a}\nx { y = ${x} }\nz = [${z}]\nself = ${?self}",
        "numbers { n = 12345678901234567890, f = 1.5e300, neg = -0, bad = 1.2.3 }\nsize = 10 MiB\ntime = 5 seconds",
    ];

    [Fact]
    public async Task Random_and_damaged_inputs_end_in_a_config_or_a_config_exception()
    {
        using var emptyFolder = new TempDirectory();
        var options = TestConfig.NoEnvironment with { IncludeBaseDirectory = emptyFolder.Path };
        var random = new Random(20240611);
        var inputs = new string[Iterations];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = NextInput(random);
        }

        var current = -1;
        var outcomes = new int[2];
        var worker = Task.Run(() =>
        {
            for (current = 0; current < inputs.Length; current++)
            {
                outcomes[Exercise(inputs[current], options) ? 0 : 1]++;
            }
        });

        // A hang must fail the test rather than stall the run.
        var finished = await Task.WhenAny(worker, Task.Delay(TimeSpan.FromSeconds(60))) == worker;

        Assert.True(finished, $"Input #{current} did not finish within the time limit: {Show(inputs, current)}");
        await worker;
        Assert.Equal(Iterations, outcomes[0] + outcomes[1]);
        Assert.True(outcomes[0] > Iterations / 20, $"only {outcomes[0]} inputs parsed; the generator is not exercising the happy path");
        Assert.True(outcomes[1] > Iterations / 20, $"only {outcomes[1]} inputs failed; the generator is not exercising error paths");
    }

    private static bool Exercise(string input, HoconParseOptions options)
    {
        try
        {
            var config = ConfigurationFactory.ParseString(input, options, "fuzz").Resolve();
            var rendered = config.ToString();
            var json = TestConfig.ToJson(config);

            // Whatever parses must also render to text that parses back to the same tree.
            var reparsed = ConfigurationFactory.ParseString(rendered, options, "rendered").Resolve();
            Assert.True(json == TestConfig.ToJson(reparsed), $"Round trip changed the tree for input {Quote(input)}\nrendered as {Quote(rendered)}");
            return true;
        }
        catch (ConfigException)
        {
            return false;
        }
        catch (Exception unexpected) when (unexpected is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"Input {Quote(input)} raised {unexpected.GetType().Name} instead of a ConfigException", unexpected);
        }
    }

    private static string NextInput(Random random)
    {
        var sample = Samples[random.Next(Samples.Length)];
        switch (random.Next(4))
        {
            case 0:
                return sample[..random.Next(sample.Length + 1)];
            case 1:
                return Mutate(sample, random, random.Next(1, 6));
            case 2:
                return Mutate(sample[..random.Next(sample.Length + 1)], random, random.Next(1, 3));
            default:
                var builder = new StringBuilder();
                var length = random.Next(0, 60);
                for (var i = 0; i < length; i++)
                {
                    builder.Append(Alphabet[random.Next(Alphabet.Length)]);
                }

                return builder.ToString();
        }
    }

    private static string Mutate(string text, Random random, int edits)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < edits; i++)
        {
            var position = random.Next(builder.Length + 1);
            var character = Alphabet[random.Next(Alphabet.Length)];
            switch (random.Next(3))
            {
                case 0:
                    builder.Insert(position, character);
                    break;
                case 1 when position < builder.Length:
                    builder.Remove(position, 1);
                    break;
                default:
                    if (position < builder.Length)
                    {
                        builder[position] = character;
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string Show(string[] inputs, int index) => index >= 0 && index < inputs.Length ? Quote(inputs[index]) : "(none)";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
