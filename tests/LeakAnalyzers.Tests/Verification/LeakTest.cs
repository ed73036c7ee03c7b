using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LeakAnalyzers.Tests.Verification;

/// <summary>
/// One analyzer (and optionally code fix) test. Sources carry markup for the expected diagnostics; the fixed sources,
/// when given, must be produced exactly by applying the fix one diagnostic at a time and by FixAll in document,
/// project and solution scope, must compile, and must carry no diagnostics but those marked in them.
/// </summary>
public sealed class LeakTest
{
    public LeakTest(DiagnosticAnalyzer analyzer, CodeFixProvider? fix = null)
    {
        Analyzers = ImmutableArray.Create(analyzer);
        Fix = fix;
        DefaultId = analyzer.SupportedDiagnostics[0].Id;
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }
    public CodeFixProvider? Fix { get; }
    public string DefaultId { get; set; }
    public List<string> Sources { get; } = new();
    public List<string> FixedSources { get; } = new();
    /// <summary>Documents added as they are, without markup (e.g. generated files: "Client.g.cs").</summary>
    public List<(string Path, string Source)> ExtraDocuments { get; } = new();
    public string? EditorConfig { get; set; }
    public bool ImplicitUsings { get; set; } = true;
    public OutputKind? OutputKind { get; set; }
    /// <summary>Which of the offered code actions to apply, by equivalence key; null takes the first one.</summary>
    public string? CodeActionEquivalenceKey { get; set; }
    /// <summary>Set when a diagnostic is expected to get no code action at all.</summary>
    public bool ExpectNoFix { get; set; }
    public bool CheckFixAll { get; set; } = true;

    public async Task RunAsync()
    {
        var parsed = Sources.Select(s => Markup.Parse(s, DefaultId)).ToList();
        var solution = TestWorkspace.Create(parsed.Select(p => p.Source).ToList(), ExtraDocuments, EditorConfig, ImplicitUsings, OutputKind);
        var project = solution.Projects.Single();
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(project, Analyzers);
        AssertDiagnostics(project, parsed.Select(p => p.Expected).ToList(), diagnostics);

        if (Fix is null)
            return;
        if (ExpectNoFix)
        {
            foreach (var diagnostic in diagnostics.Where(d => Fix.FixableDiagnosticIds.Contains(d.Id)))
                Assert.Empty(await GetActionsAsync(solution, diagnostic));
            return;
        }
        if (FixedSources.Count == 0)
            return;

        var expectedFixed = FixedSources.Select(s => Markup.Parse(s, DefaultId)).ToList();
        var oneByOne = await ApplyOneAtATimeAsync(solution);
        await AssertFixedAsync(oneByOne, expectedFixed, "one fix at a time");
        if (!CheckFixAll || diagnostics.Length == 0)
            return;
        foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
        {
            var fixedAll = await ApplyFixAllAsync(solution, scope);
            await AssertFixedAsync(fixedAll, expectedFixed, $"FixAll ({scope})");
        }
    }

    private void AssertDiagnostics(Project project, List<List<ExpectedDiagnostic>> expected, ImmutableArray<Diagnostic> actual)
    {
        var documents = TestWorkspace.TestDocuments(project, expected.Count).ToList();
        var expectedSet = new List<string>();
        for (var i = 0; i < expected.Count; i++)
            expectedSet.AddRange(expected[i].Select(e => Describe(documents[i].FilePath!, e.Id, e.Span)));
        var supported = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var actualSet = actual
            .Where(d => supported.Contains(d.Id))
            .Select(d => Describe(d.Location.SourceTree!.FilePath, d.Id, d.Location.SourceSpan))
            .ToList();
        expectedSet.Sort(StringComparer.Ordinal);
        actualSet.Sort(StringComparer.Ordinal);
        if (!expectedSet.SequenceEqual(actualSet))
        {
            var texts = documents.ToDictionary(d => d.FilePath!, d => d.GetTextAsync().Result);
            throw new Xunit.Sdk.XunitException(
                "Diagnostics differ." + Environment.NewLine
                + "Expected:" + Environment.NewLine + Render(expectedSet, texts) + Environment.NewLine
                + "Actual:" + Environment.NewLine + Render(actualSet, texts) + Environment.NewLine
                + "Messages:" + Environment.NewLine + string.Join(Environment.NewLine, actual.Select(d => "  " + d)));
        }
    }

    private static string Describe(string path, string id, TextSpan span) => $"{id}|{path}|{span.Start}|{span.End}";

    private static string Render(List<string> entries, Dictionary<string, SourceText> texts) =>
        entries.Count == 0 ? "  (none)" : string.Join(Environment.NewLine, entries.Select(e =>
        {
            var parts = e.Split('|');
            var text = texts.TryGetValue(parts[1], out var t) ? t : null;
            var span = TextSpan.FromBounds(int.Parse(parts[2]), int.Parse(parts[3]));
            var snippet = text is null ? "?" : text.ToString(span);
            var line = text is null ? 0 : text.Lines.GetLinePosition(span.Start).Line + 1;
            return $"  {parts[0]} {Path.GetFileName(parts[1])}:{line} `{snippet}`";
        }));

    private async Task<ImmutableArray<Diagnostic>> FixableDiagnosticsAsync(Solution solution)
    {
        var project = solution.Projects.Single();
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(project, Analyzers, allowCompilerErrors: true);
        return diagnostics.Where(d => Fix!.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
    }

    private async Task<List<CodeAction>> GetActionsAsync(Solution solution, Diagnostic diagnostic)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
        await Fix!.RegisterCodeFixesAsync(context);
        return actions;
    }

    private CodeAction? Choose(List<CodeAction> actions) =>
        CodeActionEquivalenceKey is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);

    private async Task<Solution> ApplyOneAtATimeAsync(Solution solution)
    {
        var initialCount = (await FixableDiagnosticsAsync(solution)).Length;
        for (var round = 0; round <= initialCount + 2; round++)
        {
            CodeAction? chosen = null;
            foreach (var diagnostic in await FixableDiagnosticsAsync(solution))
            {
                chosen = Choose(await GetActionsAsync(solution, diagnostic));
                if (chosen is not null)
                    break;
            }
            if (chosen is null)
                return solution;
            solution = await ApplyAsync(chosen);
        }
        throw new Xunit.Sdk.XunitException("Fixing one diagnostic at a time did not converge.");
    }

    /// <summary>
    /// FixAll in <paramref name="scope"/>, repeated while diagnostics remain (Document scope fixes one document per
    /// pass, as an IDE user would invoke it document after document).
    /// </summary>
    private async Task<Solution> ApplyFixAllAsync(Solution solution, FixAllScope scope)
    {
        var passes = (await FixableDiagnosticsAsync(solution)).Length + 1;
        for (var pass = 0; pass < passes; pass++)
        {
            var next = await ApplyFixAllOnceAsync(solution, scope);
            if (next is null)
                return solution;
            solution = next;
        }
        throw new Xunit.Sdk.XunitException($"FixAll ({scope}) did not converge.");
    }

    private async Task<Solution?> ApplyFixAllOnceAsync(Solution solution, FixAllScope scope)
    {
        foreach (var diagnostic in await FixableDiagnosticsAsync(solution))
        {
            var action = Choose(await GetActionsAsync(solution, diagnostic));
            if (action is null)
                continue;
            var provider = Fix!.GetFixAllProvider() ?? throw new Xunit.Sdk.XunitException("The fixer has no FixAll provider.");
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            var context = new FixAllContext(document, Fix, scope, action.EquivalenceKey, Fix.FixableDiagnosticIds,
                new AnalyzerDiagnosticProvider(Analyzers), CancellationToken.None);
            var fixAll = await provider.GetFixAsync(context) ?? throw new Xunit.Sdk.XunitException($"FixAll ({scope}) offered no action.");
            return await ApplyAsync(fixAll);
        }
        return null;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private async Task AssertFixedAsync(Solution solution, List<(string Source, List<ExpectedDiagnostic> Expected)> expected, string how)
    {
        var project = solution.Projects.Single();
        var documents = TestWorkspace.TestDocuments(project, expected.Count).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = (await documents[i].GetTextAsync()).ToString();
            Assert.True(Normalize(expected[i].Source) == Normalize(actual),
                $"{how}: Test{i}.cs differs from the expected fix.{Environment.NewLine}--- expected ---{Environment.NewLine}{expected[i].Source}{Environment.NewLine}--- actual ---{Environment.NewLine}{actual}");
        }
        try
        {
            var remaining = await AnalyzerRunner.GetDiagnosticsAsync(project, Analyzers);
            AssertDiagnostics(project, expected.Select(e => e.Expected).ToList(), remaining);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{how}: {e.Message}");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private sealed class AnalyzerDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

        public AnalyzerDiagnosticProvider(ImmutableArray<DiagnosticAnalyzer> analyzers) => _analyzers = analyzers;

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await AnalyzerRunner.GetDiagnosticsAsync(project, _analyzers, allowCompilerErrors: true, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var all = await AnalyzerRunner.GetDiagnosticsAsync(document.Project, _analyzers, allowCompilerErrors: true, cancellationToken);
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return all.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
