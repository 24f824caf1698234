#!/usr/bin/env bash
# Runs every test: unit, Azurite integration, end-to-end against fake services on loopback, and the dashboard in
# headless Chromium. Installs what they need first (Azurite from npm, Chromium from Debian).
set -euo pipefail
cd "$(dirname "$0")"

./build.sh

if ! command -v chromium >/dev/null 2>&1; then
  echo "==> Installing Chromium from Debian for the browser test"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

solution=$(cat .built-solution)
results=$(mktemp -d)
status=0
dotnet test "$solution" -c Release --no-build --nologo --logger "trx" --results-directory "$results" "$@" || status=$?

echo "==> Dashboard unit tests (vitest)"
(cd web && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json") || status=$?

echo "==> Dashboard in headless Chromium"
node --test --test-reporter=spec tests/Cleanup.Dashboard.Tests/ 2>&1 | tee "$results/browser.txt" || status=$?

# One closing line over every runner: 'N passed, N failed, N skipped'.
python3 - "$results" <<'PY'
import glob, json, re, sys, xml.etree.ElementTree as ET
p = f = s = 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(trx).getroot().find(".//{*}Counters")
    p += int(c.get("passed")); f += int(c.get("failed")) + int(c.get("error", 0)); s += int(c.get("notExecuted", 0))
try:
    v = json.load(open(sys.argv[1] + "/vitest.json"))
    p += v["numPassedTests"]; f += v["numFailedTests"]; s += v["numPendingTests"] + v.get("numTodoTests", 0)
except FileNotFoundError:
    f += 1  # vitest did not report: count it as a failure rather than hide it
txt = open(sys.argv[1] + "/browser.txt").read()
for key, var in (("pass", "p"), ("fail", "f"), ("skipped", "s")):
    m = re.search(rf"^\S*\s*{key} (\d+)$", txt, re.M)
    if m:
        if var == "p": p += int(m.group(1))
        elif var == "f": f += int(m.group(1))
        else: s += int(m.group(1))
print(f"tests: {p} passed, {f} failed, {s} skipped")
PY
exit $status
