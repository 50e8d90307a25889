using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Cj.Runner.Tests.Execute;

/// <summary>
/// <c>--resume</c> after <c>kill -9</c>: the runner runs as its own process, is killed at several points of a run
/// with the simulated judge, and is resumed; the comparisons must be those of an uninterrupted run with the same
/// pairing seed, none requested or paid twice.
/// </summary>
public sealed class ResumeTests(ResumeTests.Reference reference) : IClassFixture<ResumeTests.Reference>
{
    private const string Label = "resume-test";

    [Theory]
    [InlineData("start", 0)]
    [InlineData("comparisons", 1)]
    [InlineData("comparisons", 2)]
    [InlineData("comparisons", 3)]
    [InlineData("completion", 0)]
    public void A_run_killed_at_any_point_resumes_to_the_comparisons_of_an_uninterrupted_run(string point, int seed)
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out");
        var environment = Environment(temp);
        var killAfter = point == "comparisons" ? new Random(seed).Next(1, reference.Comparisons.Count) : 0;

        var killed = StartAndKill(output, environment, point, killAfter);
        if (point != "completion")
        {
            Assert.StartsWith("killed", killed, StringComparison.Ordinal);
        }

        var (exit, _, error) = Cli.RunWith(environment, ["--mode", "execute", "--batch-id", Label, "--resume", "--output-dir", output]);
        Assert.True(exit == 0, $"killed: {killed}\n{error}");
        var run = Directory.GetDirectories(Path.Combine(output, "runs")).Single();
        var artefact = Run.DryRunTests.Artefact(run);
        Assert.Equal("completed", artefact.GetProperty("results").GetProperty("status").GetString());
        var comparisons = Comparisons(artefact);
        Assert.Equal(reference.Comparisons, comparisons);
        AssertNothingBilledTwice(run, comparisons.Count);

        // A second resume of the finished batch only writes its artefact again.
        var files = Directory.GetFiles(Path.Combine(run, "events"), "*", SearchOption.AllDirectories).Length;
        var (again, _, againError) = Cli.RunWith(environment, ["--mode", "execute", "--batch-id", Label, "--resume", "--output-dir", output]);
        Assert.True(again == 0, againError);
        Assert.Contains("already finished", againError, StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(run, "events"), "*", SearchOption.AllDirectories).Length);
        Assert.Equal(comparisons, Comparisons(Run.DryRunTests.Artefact(run)));
    }

    [Fact]
    public void Resume_without_an_earlier_run_of_the_label_is_refused_with_exit_2()
    {
        using var temp = new TempFolder();
        var (exit, _, error) = Cli.RunWith(Environment(temp), ["--mode", "execute", "--batch-id", "never-ran", "--resume", "--output-dir", temp.Path]);
        Assert.Equal(2, exit);
        Assert.Contains("--resume: no execute run labelled 'never-ran'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_refuses_assets_that_changed_since_the_run_started_and_names_the_file()
    {
        using var temp = new TempFolder();
        var assets = Path.Combine(temp.Path, "assets");
        CopyFolder(Run.DryRunTests.Demo, assets);
        var output = Path.Combine(temp.Path, "out");
        var environment = Environment(temp);
        var (exit, _, error) = Cli.RunWith(environment, ["--mode", "execute", "--batch-id", Label, "--await-completion", "--assets", assets, "--output-dir", output, "--llm-provider", "simulated"]);
        Assert.True(exit == 0, error);
        var student = Directory.GetFiles(Path.Combine(assets, "students")).Order(StringComparer.Ordinal).First();
        File.AppendAllText(student, "\nOne more sentence.");

        var (resumed, _, resumeError) = Cli.RunWith(environment, ["--mode", "execute", "--batch-id", Label, "--resume", "--output-dir", output]);

        Assert.Equal(2, resumed);
        Assert.Contains($"students/{Path.GetFileName(student)}: changed since the run started", resumeError, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_refuses_a_run_whose_state_folder_was_lost_after_it_published()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out");
        var environment = Environment(temp);
        Assert.StartsWith("killed", StartAndKill(output, environment, "comparisons", 5), StringComparison.Ordinal);
        var run = Directory.GetDirectories(Path.Combine(output, "runs")).Single();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.Combine(run, "state"), recursive: true);

        var (exit, _, error) = Cli.RunWith(environment, ["--mode", "execute", "--batch-id", Label, "--resume", "--output-dir", output]);

        Assert.Equal(2, exit);
        Assert.Contains("has lost the services' stores", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_process_cannot_work_on_a_run_folder_that_is_locked()
    {
        using var temp = new TempFolder();
        var state = Path.Combine(temp.Path, "state");
        using (Cj.Runner.Execute.RunLock.Acquire(state))
        {
            var refused = Assert.Throws<InputException>(() => Cj.Runner.Execute.RunLock.Acquire(state));
            Assert.Contains("another eng5-np-run process is working on this run folder", refused.Message, StringComparison.Ordinal);
        }

        using var again = Cj.Runner.Execute.RunLock.Acquire(state);
    }

    private static string StartAndKill(string output, Dictionary<string, string> environment, string point, int killAfter)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "eng5-np-run.dll"), .. Arguments(output)])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && !Reached(output, point, killAfter))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"the run never reached {point} {killAfter}");
            Thread.Sleep(2);
        }

        var state = process.HasExited ? $"exited by itself ({process.ExitCode}) before {point} {killAfter}" : $"killed at {point} {killAfter}";
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return state;
    }

    private static bool Reached(string output, string point, int killAfter)
    {
        var runs = Path.Combine(output, "runs");
        var run = Directory.Exists(runs) ? Directory.GetDirectories(runs).SingleOrDefault() : null;
        if (run is null || !File.Exists(Path.Combine(run, "resume.json")))
        {
            return false;
        }

        return point switch
        {
            "start" => true,
            "comparisons" => Directory.GetFiles(Path.Combine(run, "events", "comparisons")).Length >= killAfter,
            _ => Directory.GetFiles(Path.Combine(run, "events", "completions")).Length > 0,
        };
    }

    private static void AssertNothingBilledTwice(string run, int comparisons)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(run, "state", "llm_provider.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT r.correlation_id), MAX(l.attempts), SUM(l.attempts) FROM llm_requests r JOIN llm_legs l ON l.queue_id = r.queue_id";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(comparisons, reader.GetInt32(0));
        Assert.Equal(comparisons, reader.GetInt32(1));
        Assert.Equal(1, reader.GetInt32(2));
        Assert.Equal(comparisons, reader.GetInt32(3));
    }

    /// <summary>Each comparison as "seq:attempt a b winner"; request ids carry the batch UUID, which differs per run.</summary>
    private static List<string> Comparisons(JsonElement artefact) =>
        [.. artefact.GetProperty("results").GetProperty("comparisons").EnumerateArray()
            .Select(c => $"{c.GetProperty("request_id").GetString()![37..]} {c.GetProperty("essay_a_id").GetString()} {c.GetProperty("essay_b_id").GetString()} {c.GetProperty("winner_id").GetString()}")
            .Order(StringComparer.Ordinal)];

    private static string[] Arguments(string output) =>
        ["--mode", "execute", "--batch-id", Label, "--await-completion", "--assets", Run.DryRunTests.Demo, "--output-dir", output, "--llm-provider", "simulated"];

    private static Dictionary<string, string> Environment(TempFolder temp) => new()
    {
        ["SIMULATED_ABILITIES_FILE"] = SimulatedExecuteTests.AbilitiesFile(temp),
        ["CJ_ASSESSMENT_SERVICE_PAIR_GENERATION_SEED"] = "11",
        ["LLM_PROVIDER_SERVICE_RETRY_BASE_DELAY_SECONDS"] = "0.01",
        ["LLM_PROVIDER_SERVICE_RETRY_MAX_DELAY_SECONDS"] = "0.05",
    };

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The uninterrupted run every killed run is compared with.</summary>
    public sealed class Reference : IDisposable
    {
        private readonly TempFolder temp = new();

        public Reference()
        {
            var output = Path.Combine(temp.Path, "out");
            var (exit, _, error) = Cli.RunWith(Environment(temp), Arguments(output));
            Assert.True(exit == 0, error);
            Comparisons = ResumeTests.Comparisons(Run.DryRunTests.Artefact(Directory.GetDirectories(Path.Combine(output, "runs")).Single()));
        }

        public List<string> Comparisons { get; }

        public void Dispose() => temp.Dispose();
    }
}
