using System.Globalization;
using System.Text;
using Cj.Core.Simulation;

namespace Cj.Core.Tests.Simulation;

/// <summary>A run's wave records as text, every number round-trippable, so that runs can be compared bit for bit.</summary>
internal static class Fingerprint
{
    public static string Of(SimulationRun run, int? waves = null)
    {
        var text = new StringBuilder();
        foreach (var w in run.Waves.Take(waves ?? run.Waves.Length))
        {
            text.Append(CultureInfo.InvariantCulture, $"{w.Wave} {w.Successes} {R(w.ComparisonsPerEssay)} {R(w.ComparisonsPerStudent)} {R(w.Spearman)} {R(w.TrueReliability)} ");
            text.Append(CultureInfo.InvariantCulture, $"{R(w.Ssr)} {R(w.Coverage)} {R(w.Eta)} {R(w.EtaStandardError)} {w.Components}");
            if (w.Grades is { } g)
            {
                text.Append(CultureInfo.InvariantCulture, $" | {R(g.Exact)} {R(g.Adjacent)} {R(g.BoundaryRmse)} {R(g.ShareCertain)} {string.Join(',', g.Bins.Counts)} {string.Join(',', g.Bins.ConfidenceSums.Select(s => R(s)))}");
            }

            text.AppendLine();
        }

        return waves is null ? text.Append(CultureInfo.InvariantCulture, $"stop {run.StopIndex} {run.StopReason} end {run.FinalReason}").ToString() : text.ToString();
    }

    private static string R(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
}
