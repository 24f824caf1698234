#!/usr/bin/env bash
# Installs what the project needs (npm tools, web packages) and builds everything: the dashboard into the self-host's
# wwwroot, then the C# projects. The Azure Functions host is built only where its packages can be restored.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

npm_install() { # $1 = folder; installs exactly the lock file, and only when it changed
  local dir=$1 stamp="$1/node_modules/.installed-lock"
  if [[ ! -f "$stamp" ]] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}

npm_install .
npm_install web
log "Building the dashboard (web/ -> functions/Cleanup.Server/wwwroot)"
(cd web && npm run --silent build)

solution=Cleanup.Functions.sln
if ! dotnet restore functions/Cleanup.FunctionsHost/Cleanup.FunctionsHost.csproj >/dev/null 2>&1; then
  echo "Skipping functions/Cleanup.FunctionsHost: the Azure Functions worker packages cannot be restored from this machine's NuGet source (GitHub Actions builds it)."
  solution=Cleanup.Local.slnf
fi
log "dotnet build $solution"
dotnet build "$solution" -c Release --nologo -v quiet -clp:ErrorsOnly
echo "$solution" > .built-solution
