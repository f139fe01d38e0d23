using System.Globalization;

namespace AiRaceSim.Model.Time;

/// <summary>A calendar month, counted from year 0 so that differences are whole months.</summary>
public readonly record struct Month(int Index) : IComparable<Month>
{
    public int Year => Index / 12;
    public int MonthOfYear => Index % 12 + 1;

    public static Month Of(int year, int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1..12");
        return new Month(year * 12 + month - 1);
    }

    /// <summary>Parses <c>yyyy-MM</c> (the only date form scenario files and outputs use).</summary>
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        return text is not null && TryParse(text.AsSpan(), out month);
    }

    /// <summary>The same for a field of a line (readers that do not make a string of every field).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Month month)
    {
        month = default;
        if (text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (m is < 1 or > 12 || y < 1) return false;
        month = Of(y, m);
        return true;
    }

    public static Month Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"'{text}' is not a month of the form yyyy-MM");

    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    public static Month operator +(Month m, int months) => new(m.Index + months);
    public static Month operator -(Month m, int months) => new(m.Index - months);
    public static int operator -(Month a, Month b) => a.Index - b.Index;
    public static bool operator <(Month a, Month b) => a.Index < b.Index;
    public static bool operator >(Month a, Month b) => a.Index > b.Index;
    public static bool operator <=(Month a, Month b) => a.Index <= b.Index;
    public static bool operator >=(Month a, Month b) => a.Index >= b.Index;

    public override string ToString() =>
        Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + MonthOfYear.ToString("D2", CultureInfo.InvariantCulture);
}
