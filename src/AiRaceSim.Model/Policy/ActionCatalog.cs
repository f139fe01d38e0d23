namespace AiRaceSim.Model.Policy;

/// <summary>One action of events and rules: its scenario key, its kernel type, and what it does.</summary>
/// <param name="OnFirm">A firm action (events only), else a government action (events and rules).</param>
public sealed record ActionKind(string Key, Type Kernel, bool OnFirm, string Meaning);

/// <summary>
/// The actions, each written once: the scenario format (one document <c>{Key}Action</c> per entry),
/// the schema's descriptions, the codec's type names and the docs are checked against this list.
/// </summary>
public static class ActionCatalog
{
    public static readonly IReadOnlyList<ActionKind> All =
    [
        new("export_control", typeof(ExportControl), false, "Set or change the export-control tier of a target."),
        new("enforcement", typeof(Enforcement), false, "Set or raise enforcement against smuggling."),
        new("api_block", typeof(ApiBlock), false, "Block a firm's API in markets (one action per market)."),
        new("api_unblock", typeof(ApiUnblock), false, "Lift an API block."),
        new("vouchers", typeof(Vouchers), false, "Compute vouchers."),
        new("support", typeof(Support), false, "Government support to firms."),
        new("chip_fund", typeof(ChipFund), false, "Chip fund."),
        new("domestic_chips", typeof(DomesticChips), false, "Domestic chip program."),
        new("patent_subsidy", typeof(PatentSubsidy), false, "Patent subsidy."),
        new("licensing", typeof(Licensing), false, "Model licensing on or off."),
        new("price_war", typeof(PriceWar), false, "Price war."),
        new("open_weights", typeof(OpenWeights), true, "A firm publishes (or stops publishing) its weights."),
        new("funding_scale", typeof(FundingScale), true, "A firm's funding is scaled."),
        new("exit", typeof(Exit), true, "A firm leaves."),
    ];

    public static ActionKind Of(Type kernel) =>
        All.FirstOrDefault(a => a.Kernel == kernel) ?? throw new ArgumentException($"{kernel.Name} is not a catalog action");
}
