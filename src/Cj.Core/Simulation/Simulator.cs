using System.Collections.Immutable;

namespace Cj.Core.Simulation;

/// <summary>
/// The simulation harness of the engine design §11: plays a <see cref="Scenario"/> through the real batch workflow
/// against a simulated judge. Pure and seeded: run r depends only on the scenario and r, so runs may be computed in
/// any order, on any number of threads, with identical results.
/// </summary>
public static class Simulator
{
    /// <summary>Run <paramref name="run"/> (0 ≤ run &lt; <see cref="Scenario.Runs"/>) of <paramref name="scenario"/>.</summary>
    /// <exception cref="ArgumentException">The scenario is out of range.</exception>
    public static SimulationRun RunOne(Scenario scenario, int run)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(run);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(run, scenario.Runs);
        return SimulationShell.Run(scenario, run);
    }

    /// <summary>Every run of <paramref name="scenario"/>, one after another.</summary>
    public static ImmutableArray<SimulationRun> Run(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        return [.. Enumerable.Range(0, scenario.Runs).Select(r => SimulationShell.Run(scenario, r))];
    }
}
