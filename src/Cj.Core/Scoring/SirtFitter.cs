namespace Cj.Core.Scoring;

/// <summary>
/// Exact emulation of R <c>sirt::btm(data, fix.eta = 0, ignore.ties = TRUE, eps, maxiter)</c> (§4.4 of the engine
/// design), as the peer data were made. Only essays with comparisons take part, as in sirt, whose item set is the
/// essays that occur in the data; any others get θ = 0 and SE = NaN.
/// </summary>
internal static class SirtFitter
{
    // sirt adds this to every information sum so that 1/√I stays finite.
    private const double InformationFloor = 1e-20;

    private const double StepCapFactor = 0.98;

    public static BtFit Fit(JudgementData data, FitOptions options)
    {
        var n = data.Count;
        var active = Enumerable.Range(0, n).Where(i => data.ComparisonsOf(i) > 0).ToArray();
        var score = AdjustedScores(data, options.SirtEpsilon);
        var theta = StartingAbilities(data, active, score);
        var p = new double[data.JudgementCount];
        var expected = new double[n];
        var information = new double[n];
        var previous = new double[n];
        var strength = new double[n];
        var se = Enumerable.Repeat(double.NaN, n).ToArray();
        var maxChange = double.PositiveInfinity;
        var iterations = 0;
        var stepCap = 1.0;
        while (iterations < options.SirtMaxIterations && maxChange > options.SirtConvergence)
        {
            stepCap *= StepCapFactor;
            ExpectedScores(data, theta, strength, p, expected, information);
            theta.CopyTo(previous, 0);
            foreach (var i in active)
            {
                var step = (score[i] - expected[i]) / information[i];
                theta[i] += Math.Clamp(step, -stepCap, stepCap);
                se[i] = 1.0 / Math.Sqrt(information[i]);
            }

            // sirt measures the change after centring, against the previous (centred) abilities.
            Centre(theta, active);
            maxChange = 0;
            foreach (var i in active)
            {
                maxChange = Math.Max(maxChange, Math.Abs(theta[i] - previous[i]));
            }

            iterations++;
        }

        // sirt's fit statistics use the probabilities of the last iteration, computed before its update.
        var (infit, outfit) = FitStatistics.Compute(data, p);
        var (componentOf, componentCount) = Graph.Components(data);
        var separated = Separation.SeparatedEssays(data);
        return new BtFit
        {
            Essays = data.Ids,
            Abilities = [.. theta],
            StandardErrors = [.. se],
            ComponentOf = [.. componentOf],
            ComponentCount = componentCount,
            Method = BtMethod.Sirt,
            Iterations = iterations,
            Converged = maxChange <= options.SirtConvergence,
            Flags = Separation.Flags(data, componentCount, separated),
            SeparatedEssays = separated,
            Infit = infit,
            Outfit = outfit,
        };
    }

    /// <summary>
    /// p per judgement (the winner's chance), expected wins Eᵢ and information Iᵢ = Σ p(1−p) + 1e-20. Like sirt,
    /// p = e^θw / (e^θw + e^θl) from one exponential per essay; sirt's tie term e^(−99 + (θw+θl)/2) is below rounding.
    /// </summary>
    private static void ExpectedScores(
        JudgementData data, double[] theta, double[] strength, double[] p, double[] expected, double[] information)
    {
        Array.Clear(expected);
        Array.Fill(information, InformationFloor);
        for (var i = 0; i < theta.Length; i++)
        {
            strength[i] = Math.Exp(theta[i]);
        }

        var winners = data.WinnerOf;
        var losers = data.LoserOf;
        for (var c = 0; c < p.Length; c++)
        {
            var w = winners[c];
            var l = losers[c];
            var pc = strength[w] / (strength[w] + strength[l]);
            var v = pc * (1 - pc);
            p[c] = pc;
            expected[w] += pc;
            expected[l] += 1 - pc;
            information[w] += v;
            information[l] += v;
        }
    }

    /// <summary>sᵢ = ε + Wᵢ(Nᵢ − 2ε)/Nᵢ, sirt's ε-adjusted score (NaN without comparisons).</summary>
    private static double[] AdjustedScores(JudgementData data, double epsilon)
    {
        var score = new double[data.Count];
        for (var i = 0; i < score.Length; i++)
        {
            double total = data.ComparisonsOf(i);
            score[i] = epsilon + ((total - (2 * epsilon)) * data.Wins[i] / total);
        }

        return score;
    }

    /// <summary>θᵢ = logit((sᵢ/Nᵢ + 0.1)/1.2), centred over the essays with comparisons.</summary>
    private static double[] StartingAbilities(JudgementData data, int[] active, double[] score)
    {
        var theta = new double[data.Count];
        foreach (var i in active)
        {
            var proportion = score[i] / data.ComparisonsOf(i);
            theta[i] = Logistic.Logit((proportion + 0.1) / 1.2);
        }

        Centre(theta, active);
        return theta;
    }

    private static void Centre(double[] theta, int[] active)
    {
        if (active.Length == 0)
        {
            return;
        }

        var mean = active.Sum(i => theta[i]) / active.Length;
        foreach (var i in active)
        {
            theta[i] -= mean;
        }
    }
}
