using System.Collections.Immutable;

namespace Cj.Core.Grading;

/// <summary>
/// An ordered list of grade labels, lowest first, including any below-lowest grade as the first ordinary
/// category. Labels are opaque strings (normalised by <see cref="NormaliseLabel"/>); numeric labels such as
/// "0"…"9" are as valid as letters. Equality compares the name, the labels in order and the sign rule.
/// </summary>
public sealed record GradeScale
{
    private GradeScale(string name, ImmutableArray<string> grades, bool signRule)
    {
        Name = name;
        Grades = grades;
        SignRule = signRule;
    }

    /// <summary>English national-pilot legacy scale: F (below-lowest), F+, E-, E+, D-, D+, C-, C+, B, A.</summary>
    public static GradeScale Eng5NpLegacy9Step { get; } =
        new("eng5_np_legacy_9_step", ["F", "F+", "E-", "E+", "D-", "D+", "C-", "C+", "B", "A"], false);

    /// <summary>English national-pilot national scale: "0" (below-lowest) … "9".</summary>
    public static GradeScale Eng5NpNational9Step { get; } =
        new("eng5_np_national_9_step", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], false);

    /// <summary>Swedish eight-category scale F, E, D, D+, C, C+, B, A, reported with the sign rule (B-, B+, …).</summary>
    public static GradeScale Swedish8Anchor { get; } =
        new("swedish_8_anchor", ["F", "E", "D", "D+", "C", "C+", "B", "A"], true);

    /// <summary>The names <see cref="Named"/> accepts.</summary>
    public static ImmutableArray<string> KnownNames { get; } =
        [Eng5NpLegacy9Step.Name, Eng5NpNational9Step.Name, Swedish8Anchor.Name];

    /// <summary>The scale's name, e.g. <c>swedish_8_anchor</c>.</summary>
    public string Name { get; }

    /// <summary>The grade labels, lowest first; index k is grade k of the projection.</summary>
    public ImmutableArray<string> Grades { get; }

    /// <summary>Whether projections carry the sign rule of <c>20-cj-engine.md</c> §9 ("B-", "E+", …).</summary>
    public bool SignRule { get; }

    /// <summary>The number of categories K.</summary>
    public int Count => Grades.Length;

    /// <summary>Every label a projection on this scale may carry, lowest first (with the sign rule, "X-", "X", "X+").</summary>
    public ImmutableArray<string> ReportableGrades => SignRule ? SignRules.ReportableGrades(this) : Grades;

    /// <summary>A built-in scale by name (case-insensitive); throws <see cref="ArgumentException"/> listing the known names.</summary>
    public static GradeScale Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim();
        foreach (var scale in (ReadOnlySpan<GradeScale>)[Eng5NpLegacy9Step, Eng5NpNational9Step, Swedish8Anchor])
        {
            if (string.Equals(scale.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                return scale;
            }
        }

        throw new ArgumentException(
            $"Unknown grade scale '{name}'. Known scales: {string.Join(", ", KnownNames)}; or give a custom list.",
            nameof(name));
    }

    /// <summary>
    /// A custom scale from labels listed lowest first (include a below-lowest grade first if wanted). Needs at least
    /// two labels that are non-empty and unique after <see cref="NormaliseLabel"/>.
    /// </summary>
    public static GradeScale Custom(string name, IEnumerable<string> grades, bool signRule = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(grades);
        var labels = grades.Select(NormaliseLabel).ToImmutableArray();
        if (labels.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Grade labels must not be empty.", nameof(grades));
        }

        if (labels.Length < 2 || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            throw new ArgumentException(
                $"A grade scale needs at least two unique labels; got [{string.Join(", ", labels)}].", nameof(grades));
        }

        return new GradeScale(name.Trim(), labels, signRule);
    }

    /// <summary>Trims a label and maps the minus sign (U+2212) and the en dash (U+2013) to "-".</summary>
    public static string NormaliseLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Trim().Replace('\u2212', '-').Replace('\u2013', '-');
    }

    /// <summary>The index of <paramref name="label"/> (after normalisation, compared ordinally), or −1 if absent.</summary>
    public int IndexOf(string? label)
    {
        if (label is null)
        {
            return -1;
        }

        var normalised = NormaliseLabel(label);
        for (var k = 0; k < Grades.Length; k++)
        {
            if (string.Equals(Grades[k], normalised, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Resolves <paramref name="label"/> to its grade index; false when it is not on this scale.</summary>
    public bool TryResolve(string? label, out int index)
    {
        index = IndexOf(label);
        return index >= 0;
    }

    public bool Equals(GradeScale? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && SignRule == other.SignRule
        && Grades.SequenceEqual(other.Grades, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(SignRule);
        foreach (var grade in Grades)
        {
            hash.Add(grade, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"{Name} [{string.Join(", ", Grades)}]";
}
