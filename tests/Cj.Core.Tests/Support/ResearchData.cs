using System.Globalization;
using System.Text;

namespace Cj.Core.Tests.Support;

/// <summary>A fact that is skipped, with a message, when ../shared/research-data is absent (xunit 2 has no dynamic skip).</summary>
public sealed class RequiresResearchDataFactAttribute : FactAttribute
{
    public RequiresResearchDataFactAttribute()
    {
        if (!ResearchData.IsAvailable)
        {
            Skip = $"The research-data folder is absent (looked for {ResearchData.Folder ?? "a Cj.slnx above the test binaries"}).";
        }
    }
}

/// <summary>
/// The shared research data: ../shared/research-data next to the repository root, which is found by walking up from
/// the test binaries to the folder holding Cj.slnx. Readers for the Kinnear et al. (2025) judging sessions.
/// </summary>
internal static class ResearchData
{
    public static string? Folder { get; } = FindFolder();

    public static bool IsAvailable => Folder is not null && Directory.Exists(Kinnear);

    public static string Kinnear => Path.Combine(Folder ?? "", "cj-meta-analysis-kinnear2025");

    /// <summary>The judging sessions copied into judgements/, in ordinal order.</summary>
    public static IReadOnlyList<string> KinnearSessions() =>
        [.. Directory.GetFiles(Path.Combine(Kinnear, "judgements"), "*.csv").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    /// <summary>A session's essays (every id that occurs) and judgements (judge id kept, sequence = row number).</summary>
    /// <remarks>
    /// Judgements of an essay against itself (one row in Daal2017_sample2) are dropped: the engine rejects them, while
    /// sirt counts each as a win and a loss at p = ½. <see cref="SelfJudgedEssays"/> lists the essays concerned.
    /// </remarks>
    public static (IReadOnlyList<Essay> Essays, IReadOnlyList<Judgement> Judgements) Session(string session)
    {
        var judgements = Rows(session).Where(j => j.Winner != j.Loser).ToArray();
        var essays = judgements.SelectMany(j => new[] { j.Winner, j.Loser }).Distinct().Order()
            .Select(id => new Essay(id)).ToArray();
        return (essays, judgements);
    }

    /// <summary>Essays the session's data judge against themselves.</summary>
    public static IReadOnlySet<string> SelfJudgedEssays(string session) =>
        Rows(session).Where(j => j.Winner == j.Loser).Select(j => j.Winner.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>sirt::btm's effects for a session: id → (θ, SE, infit, outfit).</summary>
    public static IReadOnlyDictionary<string, PeerEffect> SirtEffects(string session) =>
        ReadCsv(Path.Combine(Kinnear, "sirt-btm-results", session, "btm_results.csv")).ToDictionary(
            r => r["individual"],
            r => new PeerEffect(Number(r["theta"]), Number(r["se.theta"]), Number(r["infit"]), Number(r["outfit"])),
            StringComparer.Ordinal);

    public static double SirtSsr(string session) =>
        Number(ReadCsv(Path.Combine(Kinnear, "sirt-btm-results", session, "btm_ssr.csv"))[0]["ssr"]);

    public static double SirtSeparation(string session) =>
        Number(ReadCsv(Path.Combine(Kinnear, "sirt-btm-results", session, "btm_sepG.csv"))[0]["sepG"]);

    /// <summary>The meta-analysis's median split-half r for a session (first row when a session is listed twice).</summary>
    public static double MedianSplitCorrelation(string session) =>
        Number(ReadCsv(Path.Combine(Kinnear, "01-meta-analysis-data.csv"))
            .First(r => r["judging_session"] == session)["median_split_corr"]);

    private static IEnumerable<Judgement> Rows(string session) =>
        ReadCsv(Path.Combine(Kinnear, "judgements", session + ".csv")).Select((r, k) => new Judgement(
            new EssayId(r["candidate_chosen"]), new EssayId(r["candidate_not_chosen"]), null, r["judge"], k));

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads a comma-separated file with a header row; fields may be double-quoted.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = SplitLine(lines[0]);
        return [.. lines.Skip(1).Select(line =>
        {
            var fields = SplitLine(line);
            return header.Select((h, k) => (h, k)).ToDictionary(x => x.h, x => fields[x.k], StringComparer.Ordinal);
        })];
    }

    private static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var k = 0; k < line.Length; k++)
        {
            var c = line[k];
            if (quoted && c == '"' && k + 1 < line.Length && line[k + 1] == '"')
            {
                field.Append('"');
                k++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>CJ_RESEARCH_DATA overrides the location, for clones that do not sit beside ../shared.</summary>
    private static string? FindFolder()
    {
        if (Environment.GetEnvironmentVariable("CJ_RESEARCH_DATA") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cj.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "research-data"));
            }
        }

        return null;
    }
}

/// <summary>One essay's row of sirt::btm's effects.</summary>
internal sealed record PeerEffect(double Theta, double StandardError, double Infit, double Outfit);
