namespace ActorRecorder.Recording.Tests.Options;

using ActorRecorder.Hocon;
using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>A system configured from a HOCON file that takes its recording directory from the environment, as a server does.</summary>
public sealed class HoconFileSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task A_recorder_starts_from_a_HOCON_file_that_uses_an_optional_environment_substitution()
    {
        var recordings = Directory.CreateDirectory(Path.Combine(Dir.Path, "from-environment")).FullName;
        var file = Path.Combine(Dir.Path, "server.conf");
        // Akka's own parser would drop everything after ${?RECORDING_DIR}, the recorder section included.
        File.WriteAllText(file, """
            recording-dir = "/nonexistent"
            recording-dir = ${?RECORDING_DIR}
            actor-recorder.recorder {
              flush-entries = 1
              file-mode = append
            }
            akka.loglevel = WARNING
            """);
        Environment.SetEnvironmentVariable("RECORDING_DIR", recordings);
        Akka.Configuration.Config config;
        try
        {
            config = HoconLoader.ParseFile(file);
        }
        finally
        {
            Environment.SetEnvironmentVariable("RECORDING_DIR", null);
        }
        Assert.Equal(recordings, config.GetString("recording-dir"));

        var system = ActorSystem.Create("from-hocon", config);
        try
        {
            var options = RecorderOptions.FromConfig(system.Settings.Config);
            Assert.Equal((1, RecorderFileMode.Append), (options.FlushEntries, options.FileMode));
            var path = Path.Combine(config.GetString("recording-dir"), "session.jsonl");
            var recorder = await Recorder.StartAsync(system, path).WaitAsync(Bound);
            recorder.Tell(new Record(Direction.Out, Frame.Text("configured")));
            await Recorder.StopAsync(recorder, Bound);
            Assert.Equal("configured", Text(Assert.Single(JsonLines(path))));
        }
        finally
        {
            await system.Terminate().WaitAsync(Bound);
        }
    }
}
