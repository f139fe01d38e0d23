using AiRaceSim.Scenarios;

namespace AiRaceSim.Cli;

/// <summary>`airace validate`: loads each file as a run would, prints its errors, and exits 2 if any file is bad.</summary>
public static class ValidateCommand
{
    public static int Execute(IReadOnlyList<string> files, TextWriter stdout, TextWriter stderr)
    {
        int bad = 0;
        foreach (var file in files)
        {
            try
            {
                var s = ScenarioLoader.Load(file);
                stdout.WriteLine($"{file}: ok ({s.Name}, {s.Spec.Start}..{s.Spec.End}, {Counted.Of(s.Spec.Countries.Count, "country", "countries")}, {Counted.Of(s.Spec.Firms.Count, "firm")}, {Counted.Of(s.Members, "member")})");
            }
            catch (ScenarioException e)
            {
                bad++;
                foreach (var line in e.Lines) stderr.WriteLine(line);
            }
        }
        return bad == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
