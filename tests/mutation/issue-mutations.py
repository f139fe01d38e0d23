#!/usr/bin/env python3
"""The hand-made mutations of issue 15's "Why", applied one at a time to a clone of HEAD.

First the unmutated Model tests must all pass (else the script stops: a failing test would seem to
catch every mutation). Then for each mutation: change one line of src/AiRaceSim.Model, run the Model
tests, and print which tests fail (none failing = the mutation survives, and the script exits 1).
The Model tests hold no snapshot of the program's own output, so a failure here is a test that can
tell the mutation apart. Exit 2: a mutation that no longer applies or builds, or a filter that
matches none.

    python3 tests/mutation/issue-mutations.py            # all of them (about 40 s each here)
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


def failing_tests(trx: str) -> list[str]:
    root = ET.parse(trx).getroot()
    return sorted({r.get("testName") for r in root.iter(TRX + "UnitTestResult") if r.get("outcome") == "Failed"})


def run_tests(work: str, trx: str) -> tuple[bool, str]:
    """Runs the Model tests; (whether a result file was written, the last lines of the output)."""
    try:
        p = subprocess.run(["dotnet", "test", os.path.join(work, "tests", "AiRaceSim.Model.Tests"),
                            "--logger", f"trx;LogFileName={trx}"], capture_output=True, text=True, timeout=900)
        out = p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        return False, "timed out after 15 minutes"
    return os.path.exists(trx), "\n".join(out.strip().splitlines()[-8:])


def main() -> int:
    only = sys.argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    repo = subprocess.check_output(["git", "-C", here, "rev-parse", "--show-toplevel"], text=True).strip()
    head = subprocess.check_output(["git", "-C", repo, "rev-parse", "--short", "HEAD"], text=True).strip()
    survivors = 0
    with tempfile.TemporaryDirectory(prefix="airace-issue-mutations.") as work:
        subprocess.check_call(["git", "clone", "-q", repo, work])
        subprocess.check_call(["git", "-C", work, "checkout", "-q", head])
        print(f"mutations of issue 15 against commit {head}")
        ok, tail = run_tests(work, os.path.join(work, "baseline.trx"))
        failed = failing_tests(os.path.join(work, "baseline.trx")) if ok else []
        if not ok or failed:
            print("the unmutated Model tests do not all pass; fix them first:\n" + ("\n".join(failed) if ok else tail))
            return 2
        applied = 0
        for name, (path, old, new) in MUTATIONS.items():
            if only and not any(o in name for o in only):
                continue
            applied += 1
            file = os.path.join(work, "src", "AiRaceSim.Model", path)
            text = open(file, encoding="utf-8").read()
            if text.count(old) != 1:
                print(f"{name}: the text to change is not in {path} exactly once; update this script")
                return 2
            open(file, "w", encoding="utf-8").write(text.replace(old, new))
            trx = os.path.join(work, f"{name}.trx")
            ok, tail = run_tests(work, trx)
            open(file, "w", encoding="utf-8").write(text)
            if not ok:
                print(f"{name}: no test results (it does not build, or the tests did not finish; change it):\n{tail}")
                return 2
            failed = failing_tests(trx)
            if not failed:
                survivors += 1
            print(f"{name}: {len(failed)} failing" + "".join(f"\n    {t}" for t in failed))
    if applied == 0:
        print(f"no mutation's name contains {' or '.join(only)}; the names are: {', '.join(MUTATIONS)}")
        return 2
    print(f"{survivors} of {applied} mutation(s) survived")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
