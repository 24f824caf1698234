#!/usr/bin/env bash
# Runs the self-host in demo mode: its own Azurite, built-in sample services on loopback, dashboard on
# http://127.0.0.1:7071. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./build.sh
exec dotnet functions/Cleanup.Server/bin/Release/net10.0/Cleanup.Server.dll --demo "$@"
