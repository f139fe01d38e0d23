using System.Globalization;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// The allowed range of a number (or of every value a distribution can take) under a key. The
/// binder checks it and the schema states it, so both read the same bounds.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class InRangeAttribute(double min, double max) : Attribute
{
    public double Min { get; } = min;
    public double Max { get; } = max;
    public bool MinExclusive { get; init; }
    public bool MaxExclusive { get; init; }

    /// <summary>The kernel rejects a value outside the range in any draw, so a normal (unbounded) is refused too.</summary>
    public bool EveryDraw { get; init; }

    public bool Contains(double x) => (MinExclusive ? x > Min : x >= Min) && (MaxExclusive ? x < Max : x <= Max);

    /// <summary>Whether every value in the interval lies in the range.</summary>
    public bool Contains(Interval v)
    {
        bool low = double.IsNegativeInfinity(Min) || (v.LowOpen ? v.Low >= Min : MinExclusive ? v.Low > Min : v.Low >= Min);
        bool high = double.IsPositiveInfinity(Max) || (v.HighOpen ? v.High <= Max : MaxExclusive ? v.High < Max : v.High <= Max);
        return low && high;
    }

    /// <summary>"> 0", "≥ 0", "in (0, 1]".</summary>
    public string Text
    {
        get
        {
            bool lo = !double.IsNegativeInfinity(Min), hi = !double.IsPositiveInfinity(Max);
            if (lo && hi) return $"in {(MinExclusive ? "(" : "[")}{Format(Min)}, {Format(Max)}{(MaxExclusive ? ")" : "]")}";
            if (lo) return $"{(MinExclusive ? ">" : "≥")} {Format(Min)}";
            return hi ? $"{(MaxExclusive ? "<" : "≤")} {Format(Max)}" : "any number";
        }
    }

    /// <summary>A bound as people write it: 1e6 rather than 1000000.</summary>
    public static string Format(double x) =>
        double.IsPositiveInfinity(x) ? "∞" : double.IsNegativeInfinity(x) ? "−∞"
        : Math.Abs(x) >= 1e6 ? x.ToString("0.###e0", CultureInfo.InvariantCulture)
        : x.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The values a distribution can take, with open or closed ends.</summary>
internal readonly record struct Interval(double Low, bool LowOpen, double High, bool HighOpen)
{
    public static Interval Point(double x) => new(x, false, x, false);

    public override string ToString() =>
        Low == High && !LowOpen && !HighOpen ? InRangeAttribute.Format(Low)
            : $"{(LowOpen ? "(" : "[")}{InRangeAttribute.Format(Low)}, {InRangeAttribute.Format(High)}{(HighOpen ? ")" : "]")}";
}
