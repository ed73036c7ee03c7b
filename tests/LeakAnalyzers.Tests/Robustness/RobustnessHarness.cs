using System.Collections.Concurrent;
using System.Collections.Immutable;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Tests.Robustness;

/// <summary>One input of a sweep: a name that says how to reproduce it, and its documents (path, text).</summary>
public sealed record SweepInput(string Name, IReadOnlyList<(string Path, string Text)> Documents, NullableContextOptions Nullable = NullableContextOptions.Enable);

/// <summary>
/// Runs every analyzer and every code fix over an input that may not compile, and reports — instead of throwing —
/// each analyzer exception, code-fix exception and hang. Compiler errors are expected and ignored.
/// </summary>
public static class RobustnessHarness
{
    /// <summary>Generous: a healthy run over a mutant takes tens of milliseconds; only a hang gets near this.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Fixes applied per input, so a sweep stays within its time budget.</summary>
    private const int MaxFixesPerInput = 4;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = LeakComponents.CreateAnalyzers();
    private static readonly ImmutableArray<CodeFixProvider> Fixes = LeakComponents.CreateCodeFixes();

    public static Project CreateProject(SweepInput input)
    {
        var hasTopLevel = input.Documents.Any(d => CSharpSyntaxTree.ParseText(d.Text).GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var solution = TestWorkspace.Create(
            Array.Empty<string>(), input.Documents, editorConfig: null, implicitUsings: true,
            hasTopLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
        var project = solution.Projects.Single();
        var options = (CSharpCompilationOptions)project.CompilationOptions!;
        return project.WithCompilationOptions(options.WithNullableContextOptions(input.Nullable));
    }

    /// <summary>The problems found (empty when the input is handled well) and the diagnostics reported.</summary>
    public static Task<(List<string> Problems, ImmutableArray<Diagnostic> Diagnostics)> CheckAsync(SweepInput input) =>
        CheckAsync(input.Name, CreateProject(input), focus: null);

    /// <summary>
    /// Checks <paramref name="project"/>; with <paramref name="focus"/>, only that document is analyzed, the way an IDE
    /// analyzes the file being edited (the rest of the project still binds, but its diagnostics are not computed).
    /// </summary>
    public static async Task<(List<string> Problems, ImmutableArray<Diagnostic> Diagnostics)> CheckAsync(string name, Project project, Document? focus)
    {
        var problems = new List<string>();
        using var timeout = new CancellationTokenSource(Timeout);
        var work = RunAsync(name, project, focus, problems, timeout.Token);
        // A callback that ignores cancellation would block the test forever; stop waiting well after the timeout.
        var finished = await Task.WhenAny(work, Task.Delay(Timeout + Timeout)).ConfigureAwait(false);
        if (finished != work)
        {
            problems.Add($"{name}: hang (no result after {(Timeout + Timeout).TotalSeconds} s, cancellation ignored)");
            return (problems, ImmutableArray<Diagnostic>.Empty);
        }
        try
        {
            return (problems, await work.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            problems.Add($"{name}: hang (longer than {Timeout.TotalSeconds} s)");
            return (problems, ImmutableArray<Diagnostic>.Empty);
        }
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(
        string name, Project project, Document? focus, List<string> problems, CancellationToken cancellationToken)
    {
        var diagnostics = await AnalyzeAsync(name, project, focus, problems, cancellationToken).ConfigureAwait(false);
        var applied = 0;
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fix in Fixes)
            {
                if (applied >= MaxFixesPerInput || !fix.FixableDiagnosticIds.Contains(diagnostic.Id))
                    continue;
                applied++;
                await ApplyFirstFixAsync(name, project, fix, diagnostic, problems, cancellationToken).ConfigureAwait(false);
            }
        }
        return diagnostics;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        string name, Project project, Document? focus, List<string> problems, CancellationToken cancellationToken)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        if (Analyzers.IsEmpty)
            return ImmutableArray<Diagnostic>.Empty; // No rule has landed yet; RuleCatalogueTests says so.
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics;
        if (focus is null)
        {
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var tree = (await focus.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
            var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false);
            var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, cancellationToken).ConfigureAwait(false);
            diagnostics = syntax.AddRange(semantic);
        }
        foreach (var crash in diagnostics.Where(d => d.Id == "AD0001"))
            exceptions.Enqueue(crash.GetMessage());
        problems.AddRange(exceptions.Distinct().Select(e => $"{name}: {Shorten(e)}"));
        return diagnostics.Where(d => d.Location.IsInSource && d.Id != "AD0001").ToImmutableArray();
    }

    private static async Task ApplyFirstFixAsync(
        string name, Project project, CodeFixProvider fix, Diagnostic diagnostic, List<string> problems, CancellationToken cancellationToken)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree);
        if (document is null)
            return;
        try
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await fix.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            var action = actions.FirstOrDefault();
            while (action is not null && !action.NestedActions.IsDefaultOrEmpty)
                action = action.NestedActions[0];
            if (action is null)
                return;
            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is not ApplyChangesOperation apply)
                    continue;
                // Materialise every changed document: lazy edits run (and may throw) only here.
                foreach (var changed in apply.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
                {
                    var newDocument = apply.ChangedSolution.GetDocument(changed)!;
                    await newDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            problems.Add($"{name}: {fix.GetType().Name} threw on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {Shorten(exception.ToString())}");
        }
    }

    private static string Shorten(string text) => text.Length <= 1500 ? text : text[..1500] + " ...";
}
