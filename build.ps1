#!/usr/bin/env pwsh
# Thin wrapper over the dotnet commands of the README, for PowerShell users.
#   ./build.ps1 build          restore and build everything (warnings are errors)
#   ./build.ps1 test           run every test project (the CI command)
#   ./build.ps1 bench [suite]  run a benchmark suite in Release (otp, recorder or hocon; default: otp)
param(
    [ValidateSet('build', 'test', 'bench')]
    [string] $Target = 'test',
    [string] $Suite = 'otp'
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

switch ($Target) {
    'build' { dotnet build ActorRecorder.sln }
    'test'  { dotnet test ActorRecorder.sln }
    'bench' { dotnet run -c Release --project tests/ActorRecorder.Benchmarks -- $Suite }
}
exit $LASTEXITCODE
