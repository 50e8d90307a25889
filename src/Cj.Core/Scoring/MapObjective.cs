namespace Cj.Core.Scoring;

/// <summary>
/// The MAP (or ML) objective ℓ(θ, η) over aggregated rows, its gradient, the Hessian weights v = N·p(1−p) per row
/// and Hessian–vector products of the negative Hessian P. The parameter vector is θ₀…θₙ₋₁ followed by η when
/// the position effect is estimated.
/// </summary>
internal sealed class MapObjective
{
    private readonly JudgementData _data;

    public MapObjective(JudgementData data, double? priorSd, double? positionPriorSd)
    {
        _data = data;
        N = data.Count;
        HasEta = positionPriorSd is not null;
        Dimension = N + (HasEta ? 1 : 0);
        PriorPrecision = priorSd is { } sd ? 1.0 / (sd * sd) : 0.0;
        EtaPrecision = positionPriorSd is { } etaSd ? 1.0 / (etaSd * etaSd) : 0.0;
        Weights = new double[data.RowCount];
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
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient, Span<double> diagonal)
    {
        gradient.Clear();
        diagonal.Clear();
        var eta = HasEta ? x[N] : 0.0;
        var value = 0.0;
        var rowI = _data.RowI;
        var rowJ = _data.RowJ;
        var rowF = _data.RowF;
        var rowN = _data.RowN;
        var rowW = _data.RowWinsI;
        for (var r = 0; r < rowI.Length; r++)
        {
            int i = rowI[r], j = rowJ[r];
            double f = rowF[r], count = rowN[r], wins = rowW[r];
            var linear = x[i] - x[j] + (eta * f);

            // One exp and one log per row: e = exp(−|x|), log σ(x) = min(x, 0) − log(1 + e), log σ(−x) = log σ(x) − x.
            var e = Math.Exp(-Math.Abs(linear));
            var p = linear >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            var logP = Math.Min(linear, 0) - Math.Log(1.0 + e);
            value += (wins * logP) + ((count - wins) * (logP - linear));

            var residual = wins - (count * p);
            var v = count * p * (1 - p);
            Weights[r] = v;
            gradient[i] += residual;
            gradient[j] -= residual;
            diagonal[i] += v;
            diagonal[j] += v;
            if (HasEta)
            {
                gradient[N] += f * residual;
                diagonal[N] += f * f * v;
            }
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
            gradient[N] -= EtaPrecision * eta;
            diagonal[N] += EtaPrecision;
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
    public double[] DenseHessian()
    {
        var m = Dimension;
        var p = new double[m * m];
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
