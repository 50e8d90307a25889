using System.Collections.Immutable;
using Cj.Core.Simulation;

namespace Cj.Runner.Simulate;

/// <summary>
/// Runs every run of every scenario on the thread pool and summarises each scenario. A run depends only on its
/// scenario and index, and results are gathered by index, so the output does not depend on the thread count.
/// </summary>
internal static class SimulationRunner
{
    public static ImmutableArray<SimulationSummary> Run(IReadOnlyList<Scenario> scenarios, int? threads = null)
    {
        var results = scenarios.Select(s => new SimulationRun[s.Runs]).ToArray();
        var jobs = scenarios.SelectMany((s, i) => Enumerable.Range(0, s.Runs).Select(r => (Scenario: i, Run: r))).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? -1 };
        Parallel.For(0, jobs.Length, options, k =>
        {
            var (scenario, run) = jobs[k];
            results[scenario][run] = Simulator.RunOne(scenarios[scenario], run);
        });
        return [.. scenarios.Select((s, i) => SimulationSummary.Of(s, results[i]))];
    }
}
