#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Thin wrapper over the README's dotnet commands, for PowerShell users.
.DESCRIPTION
    build                  restore and build ActorRecorder.sln (warnings are errors)
    test [args]            dotnet test: every test project (the CI command); args go to dotnet test
    bench <suite> [args]   a benchmark suite in Release: otp, recorder, hocon, http or cluster; args go to the
                           benchmarks (--json, --runs N, --only name,...)
    serve [args]           dotnet run --project src/ActorRecorder.Server; args go to the program
    Runs from any directory; exits with dotnet's exit code. The pinned PowerShell comes with the repo:
    dotnet tool restore, then dotnet pwsh ./build.ps1 <target>.
.EXAMPLE
    dotnet pwsh ./build.ps1 test --filter FullyQualifiedName~Hocon
.EXAMPLE
    dotnet pwsh ./build.ps1 bench otp --runs 3
#>
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$targets = 'build', 'test', 'bench', 'serve'
# The suites of tests/ActorRecorder.Benchmarks/Program.cs.
$suites = 'otp', 'recorder', 'hocon', 'http', 'cluster'

function Fail([string] $message) {
    [Console]::Error.WriteLine("build.ps1: $message")
    exit 2
}

if ($args.Count -eq 0) { Fail "no target given; valid targets: $($targets -join ', ') (see: Get-Help ./build.ps1)" }
$target, $rest = $args
$rest = @($rest | Where-Object { $null -ne $_ })
if ($target -notin $targets) { Fail "unknown target '$target'; valid targets: $($targets -join ', ')" }
if ($target -eq 'bench' -and ($rest.Count -eq 0 -or $rest[0] -cnotin $suites)) {
    $given = if ($rest.Count -eq 0) { 'no suite given' } else { "unknown benchmark suite '$($rest[0])'" }
    Fail "${given}; valid suites: $($suites -join ', ')"
}

Push-Location $PSScriptRoot
try {
    switch ($target) {
        'build' { dotnet build ActorRecorder.sln @rest }
        'test'  { dotnet test ActorRecorder.sln @rest }
        'bench' { dotnet run -c Release --project tests/ActorRecorder.Benchmarks -- @rest }
        'serve' { dotnet run --project src/ActorRecorder.Server -- @rest }
    }
    $code = $LASTEXITCODE
}
finally {
    Pop-Location
}
exit $code
