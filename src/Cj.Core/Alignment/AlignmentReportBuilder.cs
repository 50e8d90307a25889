using System.Collections.Immutable;
using Cj.Core.Grading;

namespace Cj.Core.Alignment;

/// <summary>Assembles <see cref="AlignmentReport"/>: per-anchor table, inversions, zero-win anchors and τ_b.</summary>
internal static class AlignmentReportBuilder
{
    public static AlignmentReport Build(
        GradeScale scale, AlignmentAnchor[] anchors, AlignmentJudgement[] judgements, GradingOptions options)
    {
        Validate(scale, anchors);
        var byId = anchors.ToDictionary(a => a.Id);
        var calibration = Grader.Calibrate(
            scale,
            anchors.Select(a => new GradeAnchor(a.Id, scale.Grades[a.GradeIndex], a.Ability, a.StandardError)),
            options);
        var outside = calibration.AnchorChecks.ToDictionary(c => c.Id, c => c.OutsideOwnBand);
        var ordered = judgements.OrderBy(j => j.Judgement.Sequence).ToArray();

        var rows = anchors
            .OrderByDescending(a => a.Ability)
            .ThenBy(a => a.Id)
            .Select((a, i) => Row(scale, anchors, ordered, a, i + 1, outside.TryGetValue(a.Id, out var o) ? o : null))
            .ToImmutableArray();

        var inversions = Inversions(scale, byId, ordered);
        return new AlignmentReport
        {
            Anchors = rows,
            Inversions = inversions,
            MajorityInversions = [.. inversions.Where(i => i.IsMajority)],
            ZeroWinAnchors = [.. rows.Where(r => r.Wins == 0 && r.Losses > 0).Select(r => r.Id)],
            KendallTauB = AnchorAlignment.KendallTauB(
                anchors.Select(a => a.Ability).ToArray(), anchors.Select(a => (double)a.GradeIndex).ToArray()),
            Calibration = calibration,
        };
    }

    private static AnchorAlignmentRow Row(
        GradeScale scale, AlignmentAnchor[] anchors, AlignmentJudgement[] judgements, AlignmentAnchor a, int rank, bool? outside)
    {
        var wins = judgements.Count(j => j.Judgement.Winner == a.Id);
        var losses = judgements.Count(j => j.Judgement.Loser == a.Id);
        var higher = anchors.Count(o => o.GradeIndex > a.GradeIndex);
        var tied = anchors.Count(o => o.GradeIndex == a.GradeIndex);
        return new AnchorAlignmentRow(
            a.Id,
            scale.Grades[a.GradeIndex],
            a.GradeIndex,
            a.Ability,
            a.StandardError,
            rank,
            higher + ((tied + 1) / 2.0),
            wins,
            losses,
            wins + losses > 0 ? (double)wins / (wins + losses) : null,
            a.Infit,
            a.Outfit,
            outside);
    }

    private static ImmutableArray<AnchorInversion> Inversions(
        GradeScale scale, Dictionary<EssayId, AlignmentAnchor> byId, AlignmentJudgement[] judgements)
    {
        var pairs = judgements
            .Where(j => byId.TryGetValue(j.Judgement.Winner, out var w) && byId.TryGetValue(j.Judgement.Loser, out var l)
                && w.GradeIndex != l.GradeIndex)
            .GroupBy(j => LowerHigher(byId[j.Judgement.Winner], byId[j.Judgement.Loser]));

        var inversions = new List<AnchorInversion>();
        foreach (var pair in pairs)
        {
            var (lower, higher) = pair.Key;
            var lowerWins = pair.Count(j => j.Judgement.Winner == lower.Id);
            if (lowerWins > 0)
            {
                inversions.Add(new AnchorInversion(
                    lower.Id,
                    scale.Grades[lower.GradeIndex],
                    higher.Id,
                    scale.Grades[higher.GradeIndex],
                    lowerWins,
                    pair.Count() - lowerWins,
                    [.. pair]));
            }
        }

        return [.. inversions
            .OrderByDescending(i => byId[i.HigherAnchor].GradeIndex - byId[i.LowerAnchor].GradeIndex)
            .ThenBy(i => i.LowerAnchor)
            .ThenBy(i => i.HigherAnchor)];
    }

    private static (AlignmentAnchor Lower, AlignmentAnchor Higher) LowerHigher(AlignmentAnchor a, AlignmentAnchor b) =>
        a.GradeIndex < b.GradeIndex ? (a, b) : (b, a);

    private static void Validate(GradeScale scale, AlignmentAnchor[] anchors)
    {
        var seen = new HashSet<EssayId>();
        foreach (var a in anchors)
        {
            ArgumentNullException.ThrowIfNull(a, nameof(anchors));
            if (!seen.Add(a.Id))
            {
                throw new ArgumentException($"Anchor '{a.Id}' appears twice.", nameof(anchors));
            }

            if (a.GradeIndex < 0 || a.GradeIndex >= scale.Count)
            {
                throw new ArgumentException($"Anchor '{a.Id}' has grade index {a.GradeIndex}, off {scale}.", nameof(anchors));
            }
        }
    }
}
