using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cj.Benchmarks;

/// <summary>
/// Comparisons per second through the whole embedded stack: the runner's execute on a generated 200-essay batch
/// (the demo's 8 anchors and 192 generated students) capped at 2,000 comparisons, with an instant <c>mock</c>
/// provider and early stops off, so the figure is the system's own overhead. Rate = comparisons ÷ (last completed_at −
/// first requested_at) from the artefact; the whole command's wall time and the process's CPU time over the whole command
/// (all threads, so start-up and finalisation included) are printed too. CPU time per comparison moves much less than
/// the rate when other work shares the machine. The garbage collector's counts, allocation and pause time over the command
/// follow (collections stop every thread, so their pauses lie on the run's critical path).
/// <c>dotnet run -c Release --project bench/Cj.Benchmarks -- throughput [--essays 200] [--cap 2000] [--repeat 3]</c>
/// </summary>
internal static class Throughput
{
    public static int Run(string[] args)
    {
        var essays = Option(args, "--essays", 200);
        var cap = Option(args, "--cap", 2000);
        var repeat = Option(args, "--repeat", 3);
        var root = Directory.CreateTempSubdirectory("cj-throughput-").FullName;
        Console.WriteLine($"working folder {root}");
        try
        {
            var assets = Assets(root, essays - 8);
            for (var k = 0; k < repeat; k++)
            {
                Once(assets, Path.Combine(root, $"out{k}"), cap);
            }
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return 0;
    }

    private static void Once(string assets, string output, int cap)
    {
        var environment = new Dictionary<string, string>
        {
            ["LLM_PROVIDER_SERVICE_MOCK_LATENCY_MS"] = "0",
            ["CJ_ASSESSMENT_SERVICE_MIN_COMPARISONS_FOR_STABILITY_CHECK"] = (cap + 1).ToString(CultureInfo.InvariantCulture),
            ["CJ_ASSESSMENT_SERVICE_MAX_PAIRWISE_COMPARISONS"] = cap.ToString(CultureInfo.InvariantCulture),
            ["CJ_ASSESSMENT_SERVICE_LOG_LEVEL"] = "Warning",
        };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var (allocated, paused) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
        var clock = Stopwatch.StartNew();
        using var quiet = new StringWriter();
        var exit = Runner.CliApp.Run(
            ["--mode", "execute", "--batch-id", "throughput", "--await-completion", "--assets", assets, "--output-dir", output,
             "--llm-provider", "mock", "--max-comparisons", cap.ToString(CultureInfo.InvariantCulture)],
            quiet, quiet, name => environment.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name));
        var wall = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var run = Directory.GetDirectories(Path.Combine(output, "runs")).Single();
        using var artefact = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "assessment_run.execute.json")));
        var comparisons = artefact.RootElement.GetProperty("results").GetProperty("comparisons").EnumerateArray().ToArray();
        var first = comparisons.Min(c => DateTimeOffset.Parse(c.GetProperty("requested_at").GetString()!, CultureInfo.InvariantCulture));
        var last = comparisons.Max(c => DateTimeOffset.Parse(c.GetProperty("completed_at").GetString()!, CultureInfo.InvariantCulture));
        var waves = comparisons.Max(c => c.GetProperty("wave").GetInt32());
        var seconds = (last - first).TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"exit {exit}: {comparisons.Length} comparisons in {waves} waves, {seconds:F2} s from first request to last result = {comparisons.Length / seconds:F0} comparisons/s; whole command {wall.TotalSeconds:F2} s, CPU {cpu.TotalSeconds:F2} s = {cpu.TotalMilliseconds / comparisons.Length:F2} ms a comparison; GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} collections (gen 0/1/2), {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB allocated, {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms paused"));
    }

    private static string Assets(string root, int students)
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "demo-assets", "eng5-demo");
        var assets = Path.Combine(root, "assets");
        foreach (var file in Directory.GetFiles(demo, "*", SearchOption.AllDirectories).Where(f => !f.Contains("students", StringComparison.Ordinal)))
        {
            var target = Path.Combine(assets, Path.GetRelativePath(demo, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(assets, "students"));
        string[] words = ["river", "school", "summer", "friend", "city", "book", "storm", "garden", "music", "train", "winter", "letter"];
        for (var s = 1; s <= students; s++)
        {
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Essay {s}."));
            for (var w = 0; w < 120; w++)
            {
                text.Append(' ').Append(words[(s * 7 + w * 3 + (w * s % 5)) % words.Length]);
            }

            File.WriteAllText(Path.Combine(assets, "students", $"student_{s:D3}.txt"), text.Append('.').ToString());
        }

        return assets;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
