namespace Cj.Core.Simulation;

/// <summary>
/// A simulated judge of the engine design §11: P(first wins) = λ/2 + (1−λ)·σ(a·Δ + η), with Δ = θ_first − θ_second in
/// logits. The four named judges are special cases: <see cref="Perfect"/> σ(Δ), <see cref="Noisy"/> λ = 0.1, a = 0.7,
/// <see cref="PositionBiased"/> σ(Δ + 0.3) and <see cref="Coin"/> 0.5 (λ = 1).
/// </summary>
/// <param name="Name">The judge's name on the command line and in output (e.g. <c>position-biased</c>).</param>
/// <param name="Lapse">λ: the share of verdicts that are a coin toss, in [0, 1].</param>
/// <param name="Slope">a: how sharply the judge sees ability differences (1 = the Bradley–Terry model).</param>
/// <param name="PositionEffect">η: the first-shown essay's advantage in logits.</param>
public sealed record SimulatedJudge(string Name, double Lapse = 0, double Slope = 1, double PositionEffect = 0)
{
    /// <summary>σ(Δ): the Bradley–Terry model itself.</summary>
    public static SimulatedJudge Perfect { get; } = new("perfect");

    /// <summary>0.05 + 0.9·σ(0.7Δ): lapses and a blurred view of the differences.</summary>
    public static SimulatedJudge Noisy { get; } = new("noisy", Lapse: 0.1, Slope: 0.7);

    /// <summary>σ(Δ + 0.3): prefers the essay shown first.</summary>
    public static SimulatedJudge PositionBiased { get; } = new("position-biased", PositionEffect: 0.3);

    /// <summary>0.5 whatever the essays: a judge that knows nothing.</summary>
    public static SimulatedJudge Coin { get; } = new("coin", Lapse: 1);

    /// <summary>The four named judges, in the order the command line lists them.</summary>
    public static IReadOnlyList<SimulatedJudge> Named { get; } = [Perfect, Noisy, PositionBiased, Coin];

    /// <summary>
    /// False when the verdicts do not depend on the abilities (λ = 1 or a = 0): then every essay is effectively equal
    /// and correlations with the truth are defined as 0.
    /// </summary>
    public bool SeesAbilities => Lapse < 1 && Slope != 0;

    /// <summary>P(the essay shown first wins) for true abilities <paramref name="first"/> and <paramref name="second"/> (logits).</summary>
    public double FirstWins(double first, double second) =>
        (Lapse / 2) + ((1 - Lapse) * Logistic.Sigma((Slope * (first - second)) + PositionEffect));

    /// <summary>The named judge, or null when <paramref name="name"/> names none (ordinal, case-insensitive).</summary>
    public static SimulatedJudge? Find(string name) =>
        Named.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.OrdinalIgnoreCase));
}
