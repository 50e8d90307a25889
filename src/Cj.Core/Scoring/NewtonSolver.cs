namespace Cj.Core.Scoring;

/// <summary>
/// Maximises the strictly concave <see cref="MapObjective"/> by Newton's method from 0 with a backtracking line
/// search; each Newton system is solved inexactly by Jacobi-preconditioned conjugate gradients on Hessian–vector
/// products. Stops when max |Δx| &lt; 1e-10 and max |g| &lt; 1e-8, or after the iteration limit.
/// </summary>
internal static class NewtonSolver
{
    private const double StepTolerance = 1e-10;
    private const double GradientTolerance = 1e-8;

    public static (double[] X, int Iterations, bool Converged, double MaxGradient, double Value, int CgIterations) Maximise(
        MapObjective objective, int maxIterations)
    {
        var m = objective.Dimension;
        var x = new double[m];
        var gradient = new double[m];
        var diagonal = new double[m];
        var trial = new double[m];
        var trialGradient = new double[m];
        var trialDiagonal = new double[m];
        var step = new double[m];
        var work = new ConjugateGradient(m);
        var value = objective.Evaluate(x, gradient, diagonal);
        var maxGradient = MaxAbs(gradient);
        var lastStep = 0.0;
        var iterations = 0;
        while (maxGradient >= GradientTolerance || lastStep >= StepTolerance)
        {
            if (iterations == maxIterations)
            {
                return (x, iterations, false, maxGradient, value, work.TotalIterations);
            }

            iterations++;
            var forcing = Math.Min(0.5, Math.Sqrt(maxGradient));
            work.Solve(objective, diagonal, gradient, step, forcing);
            var slope = Dot(gradient, step);
            var t = 1.0;
            double trialValue;
            while (true)
            {
                for (var k = 0; k < m; k++)
                {
                    trial[k] = x[k] + (t * step[k]);
                }

                trialValue = objective.Evaluate(trial, trialGradient, trialDiagonal);
                // Near the optimum the predicted gain falls below the rounding noise of ℓ, a sum over every
                // judgement; the Newton step is then taken as it is, where its local convergence holds.
                var noise = 1e-12 * (1 + Math.Abs(value)) * Math.Sqrt(1 + objective.RowCount);
                if (trialValue >= value + (1e-4 * t * slope) || slope <= noise || t < 1e-12)
                {
                    break;
                }

                t *= 0.5;
            }

            lastStep = t * MaxAbs(step);
            (x, trial) = (trial, x);
            (gradient, trialGradient) = (trialGradient, gradient);
            (diagonal, trialDiagonal) = (trialDiagonal, diagonal);
            value = trialValue;
            maxGradient = MaxAbs(gradient);
        }

        return (x, iterations, true, maxGradient, value, work.TotalIterations);
    }

    internal static double MaxAbs(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }
}
