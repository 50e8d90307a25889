using Cj.Core.Simulation;

namespace Cj.Runner.Simulate;

/// <summary>The parsed <c>simulate</c> command: one scenario per policy asked, in the order given, and the output format.</summary>
internal sealed record SimulateSettings(IReadOnlyList<Scenario> Scenarios, bool Table);
