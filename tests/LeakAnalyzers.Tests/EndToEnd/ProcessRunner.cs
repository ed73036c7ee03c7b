using System.Diagnostics;
using System.Text;

namespace LeakAnalyzers.Tests.EndToEnd;

public sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    /// <summary>The command, exit code and the end of the output: enough to see why a step failed.</summary>
    public string Describe(int tailLines = 60)
    {
        var lines = Output.Split('\n');
        var tail = string.Join('\n', lines.Skip(Math.Max(0, lines.Length - tailLines)));
        return $"`{CommandLine}` exited with {ExitCode}. Output (last {tailLines} lines):\n{tail}";
    }
}

/// <summary>
/// Runs the dotnet CLI as a child process with a timeout (the whole process tree is killed when it expires).
/// Build servers and node reuse are off: a lingering compiler server or MSBuild node would keep the output pipes
/// open and outlive the test, and the variables `dotnet test` sets for its own MSBuild must not leak into a
/// different build.
/// </summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        var commandLine = "dotnet " + string.Join(' ', arguments);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the timeout and the kill.
            }
            throw new TimeoutException($"`{commandLine}` did not finish within {timeout}. Output so far:\n{Snapshot(output)}");
        }
        return new ProcessResult(commandLine, process.ExitCode, Snapshot(output));
    }

    private static string DotnetExecutable()
    {
        // Set by the dotnet CLI for the processes it starts (the test host among them): the same SDK runs the steps.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
            return output.ToString();
    }
}
