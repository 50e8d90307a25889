using Cj.Core.Scoring;

namespace Cj.Core.Tests.Scoring;

/// <summary>The small inline judgement sets of the engine design (§12 A1–A4).</summary>
internal static class Inline
{
    public static IReadOnlyList<Essay> Essays(params string[] ids) => [.. ids.Select(Essay.Student)];

    public static IReadOnlyList<Judgement> Judgements(params (string Winner, string Loser)[] pairs) =>
        [.. pairs.Select((p, k) => Judgement.Of(p.Winner, p.Loser, k))];

    /// <summary>V1: E1>E2, E2>E3, E3>E4, E4>E5, E1>E3, E2>E4, E3>E5, E5>E1, E1>E4, E2>E5.</summary>
    public static (IReadOnlyList<Essay>, IReadOnlyList<Judgement>) V1() => (
        Essays("E1", "E2", "E3", "E4", "E5"),
        Judgements(("E1", "E2"), ("E2", "E3"), ("E3", "E4"), ("E4", "E5"), ("E1", "E3"), ("E2", "E4"), ("E3", "E5"), ("E5", "E1"), ("E1", "E4"), ("E2", "E5")));

    /// <summary>V3: A>B, B>C, A>C.</summary>
    public static (IReadOnlyList<Essay>, IReadOnlyList<Judgement>) V3() => (
        Essays("A", "B", "C"), Judgements(("A", "B"), ("B", "C"), ("A", "C")));

    /// <summary>V4: Y beats X once.</summary>
    public static (IReadOnlyList<Essay>, IReadOnlyList<Judgement>) V4() => (Essays("X", "Y"), Judgements(("Y", "X")));

    /// <summary>R1: a 12-item round robin in which item i beats item j whenever i &lt; j (66 judgements).</summary>
    public static (IReadOnlyList<Essay>, IReadOnlyList<Judgement>) R1()
    {
        var ids = Enumerable.Range(1, 12).Select(i => $"R{i:D2}").ToArray();
        var pairs = new List<(string, string)>();
        for (var i = 0; i < 12; i++)
        {
            for (var j = i + 1; j < 12; j++)
            {
                pairs.Add((ids[i], ids[j]));
            }
        }

        return (Essays(ids), Judgements([.. pairs]));
    }

    public static BtFit Fit((IReadOnlyList<Essay> Essays, IReadOnlyList<Judgement> Judgements) data, FitOptions? options = null) =>
        BradleyTerry.Fit(data.Essays, data.Judgements, options);
}
