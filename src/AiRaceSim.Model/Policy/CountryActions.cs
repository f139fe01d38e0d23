using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Policy;

/// <summary>
/// A change of a government's policy (MODEL.md, Governments). Applied member by member, since
/// threshold rules fire in some members and not in others. Values given as distributions are
/// drawn per member from the stream of the event or rule that carries the action.
/// </summary>
public abstract record CountryAction
{
    /// <summary>The country whose policy state the action changes.</summary>
    public abstract string Country { get; }

    public abstract void Apply(CountryState c, ActionDraw draw, int m);

    public virtual void Validate(WorldSpec spec) => spec.CountryIndex(Country);
}

/// <summary>Draws an action's distributed values for one member: keyed by the carrying event or rule and the month.</summary>
public readonly record struct ActionDraw(MemberDraws Draws, int Actor, int Month)
{
    public double Value(Distribution d, int m, int valueIndex = 0) => d switch
    {
        Fixed f => f.Value,
        _ => Draws.Deterministic ? d.Central
            : d.InverseCdf(CounterRng.Uniform(Draws.Seed, Draws.First + m, Actor, Month, DrawSlot.EventValueBase + valueIndex)),
    };
}

/// <summary>Export-control tier imposed on a target country (absolute, or relative such as +1 from a rule); clamped to the tier table.</summary>
public sealed record ExportControl(string By, string Target, int Tier, bool Relative = false) : CountryAction
{
    public override string Country => Target;
    public override void Apply(CountryState c, ActionDraw draw, int m) =>
        c.Tier[m] = Math.Clamp(Relative ? c.Tier[m] + Tier : Tier, 0, c.TierCount - 1);
    public override void Validate(WorldSpec spec)
    {
        base.Validate(spec);
        spec.CountryIndex(By);
        if (!Relative && (Tier < 0 || Tier >= spec.ExportTiers.Count))
            throw new ArgumentException($"export-control tier {Tier} is outside 0..{spec.ExportTiers.Count - 1}");
    }
}

/// <summary>Enforcement against smuggling into a target (λ = λ0·exp(−ξ·Enf)); Relative adds to the level.</summary>
public sealed record Enforcement(string Target, Distribution Level, bool Relative = false) : CountryAction
{
    public override string Country => Target;
    public override void Apply(CountryState c, ActionDraw draw, int m)
    {
        double v = draw.Value(Level, m);
        c.Enforcement[m] = Math.Max(0, Relative ? c.Enforcement[m] + v : v);
    }
}

/// <summary>A firm's API closed to a market: its access and appeal there keep the leakage share ℓ_API (K3, M3).</summary>
public sealed record ApiBlock(string Firm, string Market, Distribution Leakage) : CountryAction
{
    public override string Country => Market;
    public override void Apply(CountryState c, ActionDraw draw, int m) => c.Block(c.FirmSlot(Firm), m, draw.Value(Leakage, m));
    public override void Validate(WorldSpec spec) { base.Validate(spec); spec.FirmIndex(Firm); }
}

/// <summary>A block lifted: the firm's access and appeal in the market return to their scenario values.</summary>
public sealed record ApiUnblock(string Firm, string Market) : CountryAction
{
    public override string Country => Market;
    public override void Apply(CountryState c, ActionDraw draw, int m) => c.Unblock(c.FirmSlot(Firm), m);
    public override void Validate(WorldSpec spec) { base.Validate(spec); spec.FirmIndex(Firm); }
}

/// <summary>Compute vouchers θ: prices of all chip channels for the country's firms fall by the rate.</summary>
public sealed record Vouchers(string For, Distribution Rate) : CountryAction
{
    public override string Country => For;
    public override void Apply(CountryState c, ActionDraw draw, int m) => c.Vouchers[m] = Math.Clamp(draw.Value(Rate, m), 0, 0.95);
}

/// <summary>Government support Sub to the country's firms (M$/month), set, or scaled when Scale is true.</summary>
public sealed record Support(string For, Distribution MusdPerMonth, bool Scale = false) : CountryAction
{
    public override string Country => For;
    public override void Apply(CountryState c, ActionDraw draw, int m)
    {
        double v = draw.Value(MusdPerMonth, m);
        c.Support[m] = Math.Max(0, Scale ? c.Support[m] * v : v);
    }
}

/// <summary>A chip fund (M$/month) feeding domestic output growth (C5).</summary>
public sealed record ChipFund(string For, Distribution MusdPerMonth) : CountryAction
{
    public override string Country => For;
    public override void Apply(CountryState c, ActionDraw draw, int m) => c.ChipFund[m] = Math.Max(0, draw.Value(MusdPerMonth, m));
}

/// <summary>A domestic-chip program or breakthrough: raises the efficiency ceiling and/or scales output.</summary>
public sealed record DomesticChips(string For, Distribution? EfficiencyCeiling, Distribution? OutputScale) : CountryAction
{
    public override string Country => For;
    public override void Apply(CountryState c, ActionDraw draw, int m)
    {
        if (EfficiencyCeiling is not null) c.ChipEfficiencyCeiling[m] = Math.Max(c.ChipEfficiencyCeiling[m], draw.Value(EfficiencyCeiling, m, 0));
        if (OutputScale is not null) c.ChipOutput[m] *= Math.Max(0, draw.Value(OutputScale, m, 1));
    }
}

/// <summary>Patent subsidy multiplier M_c of P1.</summary>
public sealed record PatentSubsidy(string For, Distribution Multiplier) : CountryAction
{
    public override string Country => For;
    public override void Apply(CountryState c, ActionDraw draw, int m) => c.PatentSubsidy[m] = Math.Max(0, draw.Value(Multiplier, m));
}

/// <summary>Licensing of generative models at home (K5), and exclusion of unlicensed foreign models from the market (M3).</summary>
public sealed record Licensing(string For, bool Active, double HazardPerMonth, int MaxMonths) : CountryAction
{
    public override string Country => For;
    public override void Apply(CountryState c, ActionDraw draw, int m) => c.SetLicensing(m, Active, HazardPerMonth, MaxMonths);
    public override void Validate(WorldSpec spec)
    {
        base.Validate(spec);
        if (HazardPerMonth is < 0 or > 1) throw new ArgumentException("licensing hazard must be in [0, 1]");
        if (MaxMonths < 1) throw new ArgumentException("licensing max months must be ≥ 1");
    }
}

/// <summary>A price war: spending per adopter w_c is multiplied by the factor (M2).</summary>
public sealed record PriceWar(string In, Distribution SpendScale) : CountryAction
{
    public override string Country => In;
    public override void Apply(CountryState c, ActionDraw draw, int m) => c.SpendPerAdopter[m] *= Math.Max(0, draw.Value(SpendScale, m));
}
