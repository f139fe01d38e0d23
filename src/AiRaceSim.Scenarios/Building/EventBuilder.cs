using AiRaceSim.Model.Policy;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Building;

/// <summary>Dated events: inside the horizon, not aimed at a firm before it exists, one kernel event per action.</summary>
internal static class EventBuilder
{
    public static void Build(List<EventDocument> events, BuildContext c, List<ScheduledEvent> into)
    {
        var sameDate = new Dictionary<string, int>();
        foreach (var e in events)
        {
            // A stable name for the event's random stream: its id, or its date and place among that
            // date's events (an id keeps draws fixed however other events change).
            string dateText = e.Date.ToString();
            int ordinal = sameDate[dateText] = sameDate.GetValueOrDefault(dateText) + 1;
            string name = e.Id ?? $"{dateText}#{ordinal}";
            if (c.Map.IsBroken(e))
            {
                ActionBuilder.CheckNames(e, c);
                continue;
            }
            bool ok = c.Inside(e, nameof(e.Date), e.Date, "event date");
            if (ActionBuilder.AimedAtFirm(e) is var (firm, _, scale) && c.Firms.TryGetValue(firm, out var f)
                && !c.Map.IsBroken(f) && f.Entry is { } entry)
            {
                if (e.Date < entry.Date)
                {
                    c.Error(e, nameof(e.Date), $"event {e.Date} for firm '{firm}' comes before its entry {entry.Date}; date it at or after the entry");
                    ok = false;
                }
                else if (scale && e.Date == entry.Date)
                {
                    c.Error(e, nameof(e.Date), $"funding_scale {e.Date} for firm '{firm}' falls in its entry month, whose funding level it would not change; date it after {entry.Date}");
                    ok = false;
                }
            }
            if (e is { OpenWeights: not null } or { FundingScale: not null } or { Exit: not null })
            {
                if (ActionBuilder.Firm(e, c) is { } action && ok)
                    into.Add(new ScheduledEvent { Date = e.Date, Firm = action, Name = name });
                continue;
            }
            var actions = ActionBuilder.Country(e, c, government: null);
            if (actions is null || !ok) continue;
            // Every action of one event shares its name, so its random values (e.g. a leakage) are drawn once.
            foreach (var a in actions) into.Add(new ScheduledEvent { Date = e.Date, Country = a, Name = name });
        }
    }
}
