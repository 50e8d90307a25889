namespace Cj.Core;

/// <summary>An essay's identifier. Compared ordinally; essays are indexed in ordinal order of their ids.</summary>
public readonly record struct EssayId(string Value) : IComparable<EssayId>
{
    public int CompareTo(EssayId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;

    public static bool operator <(EssayId left, EssayId right) => left.CompareTo(right) < 0;

    public static bool operator >(EssayId left, EssayId right) => left.CompareTo(right) > 0;

    public static bool operator <=(EssayId left, EssayId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(EssayId left, EssayId right) => left.CompareTo(right) >= 0;
}
