using Cj.Core.Grading;
using Cj.Core.Pairing;
using Cj.Core.Workflow;

namespace Cj.Core.Simulation;

/// <summary>
/// What to simulate (engine design §11): students with true abilities ~ N(0, <see cref="Spread"/>²), optionally
/// <see cref="Anchors"/> anchors spread over <see cref="Grades"/> equally likely grades, a judge, a pairing policy and
/// the engine settings of the batch, judged up to <see cref="MaxComparisonsPerEssay"/> comparisons per essay.
/// </summary>
public sealed record Scenario
{
    /// <summary>Students (essays to rank and grade); at least 2. Default 100.</summary>
    public int Students { get; init; } = 100;

    /// <summary>Anchor essays with known grades; 0 (the default) ranks only, otherwise at least 2.</summary>
    public int Anchors { get; init; }

    /// <summary>Equally likely grades G ≥ 2 when <see cref="Anchors"/> &gt; 0 (default 9).</summary>
    public int Grades { get; init; } = 9;

    /// <summary>SD of the true abilities in logits (default 1.5).</summary>
    public double Spread { get; init; } = 1.5;

    /// <summary>Width in logits of the lowest and the highest grade band, where anchors of those grades are drawn (1.5).</summary>
    public double OuterBandWidth { get; init; } = 1.5;

    /// <summary>The judge (default <see cref="SimulatedJudge.Perfect"/>).</summary>
    public SimulatedJudge Judge { get; init; } = SimulatedJudge.Perfect;

    /// <summary>The pairing policy; it replaces the strategy in <see cref="Settings"/> (default adaptive).</summary>
    public PairMatchingStrategy Policy { get; init; } = PairMatchingStrategy.Adaptive;

    /// <summary>
    /// The batch's settings: their early-stop rules decide the reported stop. The budget cap and the pairing seed
    /// are set by the scenario, and the grade scale by <see cref="Scale"/>.
    /// </summary>
    public EngineSettings Settings { get; init; } = EngineSettings.Default;

    /// <summary>C: every run is judged to the cap ⌈C·n/2⌉ over all n essays (default 20).</summary>
    public int MaxComparisonsPerEssay { get; init; } = 20;

    /// <summary>The seed; run r uses seeds derived from (seed, r) only, so runs are independent and reproducible.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Independent runs (default 30).</summary>
    public int Runs { get; init; } = 30;

    /// <summary>Share of outcome events the shell delivers twice, the copy at a random later moment (default 0.02).</summary>
    public double DuplicateRate { get; init; } = 0.02;

    /// <summary>
    /// Share of first attempts reported as timed out (default 0.03): the workflow retries them, and the judge's
    /// answer still arrives, late, in random order or after the next wave has started.
    /// </summary>
    public double LateRate { get; init; } = 0.03;

    /// <summary>True (the default) delivers outcomes in seeded random order; false in the order they were requested.</summary>
    public bool ShuffleDelivery { get; init; } = true;

    /// <summary>All essays n: students and anchors.</summary>
    public int Essays => Students + Anchors;

    /// <summary>The budget cap ⌈C·n/2⌉.</summary>
    public int Cap => (int)Math.Ceiling(MaxComparisonsPerEssay * (long)Essays / 2.0);

    /// <summary>The simulated grade scale "1" … "G", lowest first; null without anchors.</summary>
    public GradeScale? Scale => Anchors > 0
        ? GradeScale.Custom($"simulated_{Grades}", Enumerable.Range(1, Grades).Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        : null;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(Students >= 2, nameof(Students), "must be at least 2");
        Require(Anchors == 0 || Anchors >= 2, nameof(Anchors), "must be 0 or at least 2");
        Require(Anchors == 0 || Grades >= 2, nameof(Grades), "must be at least 2");
        Require(double.IsFinite(Spread) && Spread > 0, nameof(Spread), "must be finite and > 0");
        Require(double.IsFinite(OuterBandWidth) && OuterBandWidth > 0, nameof(OuterBandWidth), "must be finite and > 0");
        Require(Judge.Lapse is >= 0 and <= 1 && double.IsFinite(Judge.Slope) && double.IsFinite(Judge.PositionEffect), nameof(Judge), "needs a lapse in [0, 1] and finite slope and position effect");
        Require(MaxComparisonsPerEssay >= 1 && Cap < int.MaxValue / 2, nameof(MaxComparisonsPerEssay), "must be at least 1 (and the cap must fit an int)");
        Require(Runs >= 1, nameof(Runs), "must be at least 1");
        Require(DuplicateRate is >= 0 and < 1, nameof(DuplicateRate), "must lie in [0, 1)");
        Require(LateRate is >= 0 and <= 0.1, nameof(LateRate), "must lie in [0, 0.1] (more time-outs trip the prompt-abort rule)");
        ArgumentNullException.ThrowIfNull(Settings);
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {message}.", name);
        }
    }
}
