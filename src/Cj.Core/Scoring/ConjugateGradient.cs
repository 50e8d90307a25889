namespace Cj.Core.Scoring;

/// <summary>Jacobi-preconditioned conjugate gradients for P·d = g with P given by Hessian–vector products.</summary>
internal sealed class ConjugateGradient(int dimension)
{
    private readonly double[] _residual = new double[dimension];
    private readonly double[] _preconditioned = new double[dimension];
    private readonly double[] _direction = new double[dimension];
    private readonly double[] _product = new double[dimension];

    /// <summary>Conjugate gradient steps taken over all solves.</summary>
    public int TotalIterations { get; private set; }

    /// <summary>Solves until ‖r‖ ≤ <paramref name="relativeTolerance"/>·‖g‖ (with a floor near machine precision) or 2·dimension steps.</summary>
    public void Solve(MapObjective objective, ReadOnlySpan<double> diagonal, ReadOnlySpan<double> rhs, Span<double> solution, double relativeTolerance)
    {
        var n = rhs.Length;
        solution.Clear();
        rhs.CopyTo(_residual);
        var rhsNorm = Math.Sqrt(NewtonSolver.Dot(rhs, rhs));
        if (rhsNorm == 0)
        {
            return;
        }

        var target = Math.Max(relativeTolerance * rhsNorm, 1e-15 * rhsNorm);
        for (var k = 0; k < n; k++)
        {
            _preconditioned[k] = _residual[k] / diagonal[k];
        }

        _preconditioned.CopyTo(_direction, 0);
        var rz = NewtonSolver.Dot(_residual, _preconditioned);
        var limit = Math.Max(2 * n, 10);
        for (var iteration = 0; iteration < limit; iteration++)
        {
            TotalIterations++;
            objective.Multiply(_direction, _product);
            var alpha = rz / NewtonSolver.Dot(_direction, _product);
            var residualNormSquared = 0.0;
            for (var k = 0; k < n; k++)
            {
                solution[k] += alpha * _direction[k];
                _residual[k] -= alpha * _product[k];
                residualNormSquared += _residual[k] * _residual[k];
            }

            if (Math.Sqrt(residualNormSquared) <= target)
            {
                return;
            }

            var rzNext = 0.0;
            for (var k = 0; k < n; k++)
            {
                _preconditioned[k] = _residual[k] / diagonal[k];
                rzNext += _residual[k] * _preconditioned[k];
            }

            var beta = rzNext / rz;
            rz = rzNext;
            for (var k = 0; k < n; k++)
            {
                _direction[k] = _preconditioned[k] + (beta * _direction[k]);
            }
        }
    }
}
