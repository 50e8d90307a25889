namespace Cj.Core.Scoring;

internal static class IlsrFitter
{
    public static BtFit Fit(JudgementData data, FitOptions options) => throw new NotSupportedException($"{data.Count} {options.Method}");
}
