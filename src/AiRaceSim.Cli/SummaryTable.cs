using System.Globalization;
using AiRaceSim.Output;
using AiRaceSim.Scenarios;
using Spectre.Console;

namespace AiRaceSim.Cli;

/// <summary>The table printed at the end of a run: gaps now and at the horizon, patents and compute shares at the horizon (rows: <see cref="RunSummary"/>).</summary>
public static class SummaryTable
{
    public static void Write(TextWriter stdout, LoadedScenario scenario, IReadOnlyList<SummaryRow> rows)
    {
        bool terminal = !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 100;
        bool ensemble = scenario.Members > 1;
        string cell = ensemble ? " (median [P5–P95])" : "";
        var table = new Table().Border(TableBorder.Ascii)
            .Title(Markup.Escape($"{scenario.Name}: {scenario.Members} member{(ensemble ? "s" : "")}, seed {scenario.Spec.Seed}"))
            .AddColumn("")
            .AddColumn(new TableColumn(Markup.Escape($"{scenario.Now}{cell}")).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"{scenario.Spec.End}{cell}")).RightAligned());
        foreach (var row in rows)
        {
            string now = RunSummary.HasNow(row) ? Format(row.Cells[0], ensemble, row.Label) : "";
            table.AddRow(Markup.Escape(row.Label), Markup.Escape(now), Markup.Escape(Format(row.Cells[^1], ensemble, row.Label)));
        }
        console.Write(table);
    }

    private static string Format(SummaryCell c, bool ensemble, string label)
    {
        if (!c.HasValue) return "–";
        string f = label.StartsWith("share", StringComparison.Ordinal) ? "P0" : label.StartsWith("cumulative", StringComparison.Ordinal) ? "N0" : "F1";
        string v(double x) => x.ToString(f, CultureInfo.InvariantCulture);
        return ensemble ? $"{v(c.Median)} [{v(c.P05)}–{v(c.P95)}]" : v(c.Median);
    }
}
