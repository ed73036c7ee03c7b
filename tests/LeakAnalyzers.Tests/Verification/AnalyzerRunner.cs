using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Tests.Verification;

/// <summary>Runs analyzers the way the compiler does; an analyzer exception fails the test instead of becoming AD0001.</summary>
public static class AnalyzerRunner
{
    public static async Task<Compilation> CompileAsync(Project project, bool allowErrors = false)
    {
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        if (!allowErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("The test source does not compile:" + Environment.NewLine
                    + string.Join(Environment.NewLine, errors.Take(20)));
            }
        }
        return compilation;
    }

    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(
        Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, bool allowCompilerErrors = false, CancellationToken cancellationToken = default)
    {
        var compilation = await CompileAsync(project, allowCompilerErrors).ConfigureAwait(false);
        return await GetDiagnosticsAsync(compilation, project.AnalyzerOptions, analyzers, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(
        Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).Concat(exceptions).ToList();
        if (crashes.Count > 0)
            throw new Xunit.Sdk.XunitException("Analyzer threw:" + Environment.NewLine + string.Join(Environment.NewLine, crashes));
        return diagnostics
            .Where(d => d.Location.IsInSource)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
