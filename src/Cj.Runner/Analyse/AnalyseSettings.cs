using Cj.Core.Grading;
using Cj.Core.Scoring;

namespace Cj.Runner.Analyse;

/// <summary>What <c>analyse</c> was asked to do, after the command line has been validated.</summary>
internal sealed record AnalyseSettings(
    string JudgementsPath,
    string? WinnerColumn,
    string? LoserColumn,
    BtMethod Method,
    PositionEffectMode PositionEffect,
    string? AnchorsPath,
    GradeScale? Scale,
    AnalyseFormat Format,
    string? OutPath,
    int SplitHalfSplits,
    ulong Seed);

internal enum AnalyseFormat
{
    Json,
    Csv,
    Table,
}
