using System.CommandLine;
using System.Globalization;
using Cj.Core.Pairing;
using Cj.Core.Simulation;
using Cj.Core.Workflow;
using Cj.Runner.Run;

namespace Cj.Runner.Simulate;

/// <summary>
/// <c>eng5-np-run simulate</c>: plays the CJ engine against a simulated judge to plan budgets and compare pairing
/// policies (runner design, "simulate contract"). Pure computation; nothing is read or sent.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var essays = new Option<int>("--essays")
        {
            Description = "Students to rank (at least 2); their true abilities are drawn from N(0, spread²).",
            Required = true,
            HelpName = "N",
        };
        var anchors = new Option<int>("--anchors")
        {
            Description = "Anchors with known grades, spread evenly over --grades equally likely grades (cuts at the true ability quantiles), each uniform inside its band; enables grade projection. 0 or at least 2.",
            HelpName = "K",
            DefaultValueFactory = _ => 0,
        };
        var grades = new Option<int?>("--grades")
        {
            Description = "Equally likely grades (at least 2) for --anchors. Default: 9.",
            HelpName = "G",
        };
        var spread = new Option<double>("--spread")
        {
            Description = "SD of the true abilities in logits (> 0).",
            HelpName = "SD",
            DefaultValueFactory = _ => 1.5,
        };
        var judge = new Option<string>("--judge")
        {
            Description = "The simulated judge: perfect σ(Δ), noisy 0.05 + 0.9·σ(0.7Δ), position-biased σ(Δ + 0.3) (first shown favoured) or coin (0.5).",
            HelpName = "perfect|noisy|position-biased|coin",
            DefaultValueFactory = _ => "perfect",
        };
        var policy = new Option<string[]>("--policy")
        {
            Description = "Pairing policy: adaptive, random or original. Repeat the option or give a comma list to compare several; the JSON is then an array with one object per policy.",
            HelpName = "POLICY",
            DefaultValueFactory = _ => ["adaptive"],
        };
        var maxPerEssay = new Option<int>("--max-per-essay")
        {
            Description = "Comparisons per essay to judge up to: every run goes to the cap ⌈C·n/2⌉ (n = students + anchors); the default stop rules are evaluated on the way.",
            HelpName = "C",
            DefaultValueFactory = _ => 20,
        };
        var runs = new Option<int>("--runs")
        {
            Description = "Independent runs per policy (at least 1); run r of every policy shares its true abilities.",
            HelpName = "R",
            DefaultValueFactory = _ => 30,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed; the same seed gives the same output on any machine and thread count.",
            HelpName = "S",
            DefaultValueFactory = _ => 1UL,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: json (the simulate contract) or table.",
            HelpName = "json|table",
            DefaultValueFactory = _ => "json",
        };

        var command = new Command("simulate", "Simulate judging with a known truth: comparisons needed for a ranking or grades, honest reliability, and pairing policies compared.")
        {
            essays, anchors, grades, spread, judge, policy, maxPerEssay, runs, seed, format,
        };
        command.SetAction(parse => Execute(output, error, () => new SimulateSettings(
            Scenarios(
                parse.GetValue(essays),
                parse.GetValue(anchors),
                parse.GetValue(grades),
                parse.GetValue(spread),
                Judge(parse.GetValue(judge)!),
                parse.GetValue(maxPerEssay),
                parse.GetValue(runs),
                parse.GetValue(seed),
                Policies(parse.GetValue(policy) ?? []),
                ServiceEngineSettings.From(environment)),
            Table(parse.GetValue(format)!))));
        return command;
    }

    /// <summary>Runs the simulation and writes its output; <paramref name="threads"/> caps the parallelism (null = all cores).</summary>
    public static int Execute(TextWriter output, TextWriter error, Func<SimulateSettings> settingsOf, int? threads = null)
    {
        try
        {
            var settings = settingsOf();
            var summaries = SimulationRunner.Run(settings.Scenarios, threads);
            output.Write(settings.Table ? SimulateTable.Render(summaries) : SimulateJson.Render(summaries));
            return ExitCodes.Success;
        }
        catch (InputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    private static IReadOnlyList<Scenario> Scenarios(
        int essays, int anchors, int? grades, double spread, SimulatedJudge judge, int maxPerEssay, int runs, ulong seed, IReadOnlyList<PairMatchingStrategy> policies,
        EngineSettings engine)
    {
        Require(essays >= 2, $"--essays must be at least 2 (got {essays}).");
        Require(anchors == 0 || anchors >= 2, $"--anchors must be 0 or at least 2, so that two grades are anchored (got {anchors}).");
        Require(grades is null || anchors > 0, "--grades needs --anchors: grades are projected from anchors.");
        Require(grades is null || grades >= 2, $"--grades must be at least 2 (got {grades}).");
        Require(double.IsFinite(spread) && spread > 0, $"--spread must be a number above 0 (got {spread.ToString(CultureInfo.InvariantCulture)}).");
        Require(maxPerEssay >= 1 && maxPerEssay <= 10_000, $"--max-per-essay must be between 1 and 10000 (got {maxPerEssay}).");
        Require(runs >= 1 && runs <= 100_000, $"--runs must be between 1 and 100000 (got {runs}).");
        var scenario = new Scenario
        {
            Students = essays,
            Anchors = anchors,
            Grades = grades ?? 9,
            Spread = spread,
            Judge = judge,
            MaxComparisonsPerEssay = maxPerEssay,
            Runs = runs,
            Seed = seed,
            Settings = engine,
        };
        try
        {
            scenario.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InputException($"the scenario is out of range: {e.Message}");
        }

        return [.. policies.Select(p => scenario with { Policy = p })];
    }

    private static SimulatedJudge Judge(string name) =>
        SimulatedJudge.Find(name) ?? throw new InputException($"--judge: unknown judge '{name}'; use {string.Join(", ", SimulatedJudge.Named.Select(j => j.Name))}.");

    private static bool Table(string format) => format.ToLowerInvariant() switch
    {
        "json" => false,
        "table" => true,
        _ => throw new InputException($"--format: unknown format '{format}'; use json or table."),
    };

    private static List<PairMatchingStrategy> Policies(IEnumerable<string> values)
    {
        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Require(names.Length > 0, "--policy needs a value: adaptive, random or original.");
        var policies = new List<PairMatchingStrategy>();
        foreach (var name in names)
        {
            var policy = name.ToLowerInvariant() switch
            {
                "adaptive" => PairMatchingStrategy.Adaptive,
                "random" => PairMatchingStrategy.Random,
                "original" => PairMatchingStrategy.Original,
                _ => throw new InputException($"--policy: unknown policy '{name}'; use adaptive, random or original."),
            };
            Require(!policies.Contains(policy), $"--policy: '{name}' is given twice.");
            policies.Add(policy);
        }

        return policies;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InputException(message);
        }
    }
}
