namespace Cj.Core;

/// <summary>
/// One successful comparison: <paramref name="Winner"/> was preferred to <paramref name="Loser"/>.
/// <paramref name="ShownFirst"/> is the essay presented first, when recorded; fits read judgements in
/// <paramref name="Sequence"/> order.
/// </summary>
public sealed record Judgement(EssayId Winner, EssayId Loser, EssayId? ShownFirst = null, string? JudgeId = null, long Sequence = 0)
{
    public static Judgement Of(string winner, string loser, long sequence = 0) =>
        new(new EssayId(winner), new EssayId(loser), null, null, sequence);
}
