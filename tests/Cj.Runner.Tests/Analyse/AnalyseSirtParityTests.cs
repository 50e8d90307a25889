using System.Globalization;
using System.Text.Json;

namespace Cj.Runner.Tests.Analyse;

/// <summary>
/// <c>analyse --method sirt</c> reproduces the peer tool's cached sirt::btm fits of the 15 Kinnear et al. (2025)
/// judging sessions (engine design §12 A6). Daal2017_sample2 judges one essay against itself; sirt counts that row,
/// analyse skips it with a warning, so that session is held to the floor instead (θ 0.005, SE 0.002, SSR 1e-4).
/// </summary>
public sealed class AnalyseSirtParityTests
{
    [RequiresResearchDataFact]
    public void Analyse_with_sirt_matches_the_peer_fit_on_every_Kinnear_session()
    {
        var folder = Path.Combine(RequiresResearchDataFactAttribute.Folder, "cj-meta-analysis-kinnear2025");
        var sessions = Directory.GetFiles(Path.Combine(folder, "judgements"), "*.csv").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(15, sessions.Length);
        foreach (var file in sessions)
        {
            var session = Path.GetFileNameWithoutExtension(file);
            var exact = session != "Daal2017_sample2";
            var (exit, output, error) = Cli.Run("analyse", "--judgements", file, "--method", "sirt", "--split-half-splits", "0");
            Assert.True(exit == 0, $"{session}: {error}");
            using var json = JsonDocument.Parse(output);
            var ours = json.RootElement.GetProperty("essays").EnumerateArray().ToDictionary(
                e => e.GetProperty("essay_id").GetString()!,
                e => (Theta: e.GetProperty("ability").GetDouble(), Se: e.GetProperty("standard_error").GetDouble()));
            var selfJudged = File.ReadAllLines(file).Skip(1).Select(Split).Where(r => r[1] == r[2]).Select(r => r[1]).ToHashSet();
            var peer = File.ReadAllLines(Path.Combine(folder, "sirt-btm-results", session, "btm_results.csv")).Skip(1).Select(Split).ToArray();
            foreach (var row in peer)
            {
                var id = row[0];
                var (theta, se) = ours[id];
                AssertClose(double.Parse(row[9], CultureInfo.InvariantCulture), theta, exact ? 1e-6 : 0.005, $"{session} θ {id}");
                if (!selfJudged.Contains(id))
                {
                    AssertClose(double.Parse(row[10], CultureInfo.InvariantCulture), se, exact ? 1e-6 : 0.002, $"{session} SE {id}");
                }
            }

            var ssr = double.Parse(File.ReadAllLines(Path.Combine(folder, "sirt-btm-results", session, "btm_ssr.csv"))[1], CultureInfo.InvariantCulture);
            AssertClose(ssr, json.RootElement.GetProperty("reliability").GetProperty("ssr").GetDouble(), exact ? 1e-6 : 1e-4, $"{session} SSR");
        }
    }

    private static string[] Split(string line) => [.. line.Split(',').Select(c => c.Trim('"'))];

    private static void AssertClose(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
}
