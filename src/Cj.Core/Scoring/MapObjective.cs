namespace Cj.Core.Scoring;

/// <summary>
/// The MAP (or ML) objective ℓ(θ, η) over aggregated rows, its gradient, the Hessian weights v = N·p(1−p) per row
/// and Hessian–vector products of the negative Hessian P. The parameter vector is θ₀…θₙ₋₁ followed by η when
/// the position effect is estimated.
/// </summary>
internal sealed class MapObjective
{
    private readonly JudgementData _data;
    private readonly double[] _residuals;

    public MapObjective(JudgementData data, double? priorSd, double? positionPriorSd)
    {
        _data = data;
        N = data.Count;
        HasEta = positionPriorSd is not null;
        Dimension = N + (HasEta ? 1 : 0);
        PriorPrecision = priorSd is { } sd ? 1.0 / (sd * sd) : 0.0;
        EtaPrecision = positionPriorSd is { } etaSd ? 1.0 / (etaSd * etaSd) : 0.0;
        Weights = new double[data.RowCount];
        _residuals = new double[data.RowCount];
    }

    public int N { get; }

    public int RowCount => _data.RowCount;

    public bool HasEta { get; }

    public int Dimension { get; }

    /// <summary>1/σ² on every ability; 0 for plain ML, where the sum-to-zero direction is pinned by 11ᵀ/n instead.</summary>
    public double PriorPrecision { get; }

    public double EtaPrecision { get; }

    public bool IsMaximumLikelihood => PriorPrecision == 0;

    /// <summary>v = N·p(1−p) per row at the point of the last <see cref="Evaluate"/>.</summary>
    public double[] Weights { get; }

    /// <summary>ℓ at <paramref name="x"/>; fills the gradient, the Hessian weights and the diagonal of P.</summary>
    /// <remarks>
    /// Three passes: gather the linear predictors, evaluate σ and log σ on whole vectors (one exp and one log per
    /// row: e = exp(−|x|), log σ(x) = min(x, 0) − log(1 + e), log σ(−x) = log σ(x) − x), then scatter.
    /// </remarks>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient, Span<double> diagonal)
    {
        var eta = HasEta ? x[N] : 0.0;
        var rowI = _data.RowI;
        var rowJ = _data.RowJ;
        var rowF = _data.RowF;
        for (var r = 0; r < rowI.Length; r++)
        {
            _residuals[r] = x[rowI[r]] - x[rowJ[r]] + (eta * rowF[r]);
        }

        var value = RowTerms.Evaluate(_residuals, _data.RowN, _data.RowWinsI, Weights);
        gradient.Clear();
        diagonal.Clear();
        var etaGradient = 0.0;
        var etaDiagonal = 0.0;
        for (var r = 0; r < rowI.Length; r++)
        {
            int i = rowI[r], j = rowJ[r];
            double residual = _residuals[r], v = Weights[r], f = rowF[r];
            gradient[i] += residual;
            gradient[j] -= residual;
            diagonal[i] += v;
            diagonal[j] += v;
            etaGradient += f * residual;
            etaDiagonal += f * f * v;
        }

        var ridge = IsMaximumLikelihood ? 1.0 / N : PriorPrecision;
        for (var i = 0; i < N; i++)
        {
            value -= 0.5 * PriorPrecision * x[i] * x[i];
            gradient[i] -= PriorPrecision * x[i];
            diagonal[i] += ridge;
        }

        if (HasEta)
        {
            value -= 0.5 * EtaPrecision * eta * eta;
            gradient[N] = etaGradient - (EtaPrecision * eta);
            diagonal[N] = etaDiagonal + EtaPrecision;
        }

        return value;
    }

    /// <summary>y = P·x with the weights of the last evaluation (plus 11ᵀ/n on the abilities for plain ML).</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        var rowI = _data.RowI;
        var rowJ = _data.RowJ;
        var rowF = _data.RowF;
        var weights = Weights;
        y.Clear();
        var xEta = HasEta ? x[N] : 0.0;
        var yEta = 0.0;
        for (var r = 0; r < rowI.Length; r++)
        {
            int i = rowI[r], j = rowJ[r];
            double f = rowF[r];
            var t = weights[r] * (x[i] - x[j] + (f * xEta));
            y[i] += t;
            y[j] -= t;
            yEta += f * t;
        }

        if (IsMaximumLikelihood)
        {
            var mean = 0.0;
            for (var i = 0; i < N; i++)
            {
                mean += x[i];
            }

            mean /= N;
            for (var i = 0; i < N; i++)
            {
                y[i] += mean;
            }
        }
        else
        {
            for (var i = 0; i < N; i++)
            {
                y[i] += PriorPrecision * x[i];
            }
        }

        if (HasEta)
        {
            y[N] = yEta + (EtaPrecision * xEta);
        }
    }

    /// <summary>Hᵢᵢ + 1/σ² per ability at the last evaluation (Hᵢᵢ alone for plain ML).</summary>
    public double[] AbilityInformation()
    {
        var information = new double[N];
        for (var r = 0; r < _data.RowCount; r++)
        {
            information[_data.RowI[r]] += Weights[r];
            information[_data.RowJ[r]] += Weights[r];
        }

        for (var i = 0; i < N; i++)
        {
            information[i] += PriorPrecision;
        }

        return information;
    }

    /// <summary>The dense negative Hessian P (row-major, <see cref="Dimension"/>²) at the last evaluation.</summary>
    public double[] DenseHessian() => DenseHessian(new double[Dimension * Dimension]);

    /// <summary>As <see cref="DenseHessian()"/>, into <paramref name="p"/> (at least m², cleared here).</summary>
    public double[] DenseHessian(double[] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var m = Dimension;
        Array.Clear(p, 0, m * m);
        for (var r = 0; r < _data.RowCount; r++)
        {
            int i = _data.RowI[r], j = _data.RowJ[r];
            double f = _data.RowF[r], v = Weights[r];
            p[(i * m) + i] += v;
            p[(j * m) + j] += v;
            p[(i * m) + j] -= v;
            p[(j * m) + i] -= v;
            if (HasEta && f != 0)
            {
                p[(i * m) + N] += f * v;
                p[(N * m) + i] += f * v;
                p[(j * m) + N] -= f * v;
                p[(N * m) + j] -= f * v;
                p[(N * m) + N] += v;
            }
        }

        for (var i = 0; i < N; i++)
        {
            if (IsMaximumLikelihood)
            {
                for (var j = 0; j < N; j++)
                {
                    p[(i * m) + j] += 1.0 / N;
                }
            }
            else
            {
                p[(i * m) + i] += PriorPrecision;
            }
        }

        if (HasEta)
        {
            p[(N * m) + N] += EtaPrecision;
        }

        return p;
    }
}
