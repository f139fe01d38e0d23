#!/usr/bin/env python3
"""The hand-made mutations of issue 15's "Why", applied one at a time to a clone of HEAD.

For each mutation: change one line of src/AiRaceSim.Model, run the Model tests, and print which
tests fail (none failing = the mutation survives, and the script exits 1). The Model tests hold no
snapshot of the program's own output, so a failure here is a test that can tell the mutation apart.

    python3 tests/mutation/issue-mutations.py            # all of them (about 30 s each here)
    python3 tests/mutation/issue-mutations.py vouchers   # those whose name contains the word
"""
import os, re, subprocess, sys, tempfile, xml.etree.ElementTree as ET

# name: (file under src/AiRaceSim.Model, text in the file, what replaces it)
MUTATIONS = {
    "enforcement-does-nothing": ("Policy/CountryActions.cs",
        "c.Enforcement[m] = Math.Max(0, Relative ? c.Enforcement[m] + v : v);", "_ = v;"),
    "chip-fund-does-nothing": ("Policy/CountryActions.cs",
        "=> c.ChipFund[m] = Math.Max(0, draw.Value(MusdPerMonth, m));", "{ }"),
    "c2-one-minus-rho-rev": ("Equations/Compute.cs",
        "funding + reinvestment * previousRevenue + support", "funding + (1 - reinvestment) * previousRevenue + support"),
    "entrant-enters-twelve-months-late": ("State/FirmState.cs",
        "Spec.Entry is { } e && e > start ? e : start;", "Spec.Entry is { } e && e > start ? e + 12 : start;"),
    "entrant-base-twelve-months-after-frontier-at": ("Simulation/WorldAggregator.cs",
        "int di = fa.Date - w.Spec.Start;", "int di = Math.Min(fa.Date - w.Spec.Start + 12, w.MonthsDone - 1);"),
    "vouchers-do-nothing": ("Policy/CountryActions.cs",
        "=> c.Vouchers[m] = Math.Clamp(draw.Value(Rate, m), 0, 0.95);", "{ }"),
    "price-war-does-nothing": ("Policy/CountryActions.cs",
        "=> c.SpendPerAdopter[m] *= Math.Max(0, draw.Value(SpendScale, m));", "{ }"),
    "support-scale-divides": ("Policy/CountryActions.cs",
        "Scale ? c.Support[m] * v : v", "Scale ? c.Support[m] / v : v"),
    "no-smuggling-channel": ("Simulation/FirmStep.cs",
        "eff[(int)Channel.Smuggled] = controlled ? 1 : 0;", "eff[(int)Channel.Smuggled] = 0;"),
    "licensing-rounds-never-deploy": ("Simulation/FirmStep.cs",
        "if (home.ApprovalRound[m])", "if (home.ApprovalRound[m] && m < 0)"),
    "a2-catch-up-one-minus-gamma": ("Equations/Knowledge.cs",
        "diffusion * absorption * catchUp", "diffusion * (1 - absorption) * catchUp"),
}

TRX = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def failing_tests(work: str, trx: str) -> list[str]:
    root = ET.parse(trx).getroot()
    return sorted({r.get("testName") for r in root.iter(TRX + "UnitTestResult") if r.get("outcome") == "Failed"})


def main() -> int:
    only = sys.argv[1:]
    repo = subprocess.check_output(["git", "rev-parse", "--show-toplevel"], text=True).strip()
    head = subprocess.check_output(["git", "-C", repo, "rev-parse", "--short", "HEAD"], text=True).strip()
    survivors = 0
    with tempfile.TemporaryDirectory(prefix="airace-issue-mutations.") as work:
        subprocess.check_call(["git", "clone", "-q", repo, work])
        subprocess.check_call(["git", "-C", work, "checkout", "-q", head])
        print(f"mutations of issue 15 against commit {head}")
        for name, (path, old, new) in MUTATIONS.items():
            if only and not any(o in name for o in only):
                continue
            file = os.path.join(work, "src", "AiRaceSim.Model", path)
            text = open(file, encoding="utf-8").read()
            if text.count(old) != 1:
                print(f"{name}: the text to change is not in {path} exactly once; update this script")
                return 2
            open(file, "w", encoding="utf-8").write(text.replace(old, new))
            trx = os.path.join(work, f"{name}.trx")
            subprocess.run(["dotnet", "test", os.path.join(work, "tests", "AiRaceSim.Model.Tests"),
                            "--logger", f"trx;LogFileName={trx}"], capture_output=True, text=True)
            open(file, "w", encoding="utf-8").write(text)
            if not os.path.exists(trx):
                print(f"{name}: does not build (not a useful mutation; change it)")
                return 2
            failed = failing_tests(work, trx)
            if not failed:
                survivors += 1
            print(f"{name}: {len(failed)} failing" + "".join(f"\n    {t}" for t in failed))
    print(f"{survivors} mutation(s) survived")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
