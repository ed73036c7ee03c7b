using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LeakAnalyzers.CodeFixes.CatchAll;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LeakAnalyzers.CodeFixes;

/// <summary>
/// LEAK003 fix: let deliberate HTTP errors through unchanged. Catch clauses get a preceding
/// <c>catch (T) { throw; }</c> per swallowed type; filters and <c>TryHandleAsync</c> get an early
/// <c>return</c> / <c>return false</c>; <c>UseExceptionHandler</c> delegates answer with the exception's own status.
/// Catch clauses also get a second action: a <c>when</c> filter that excludes the deliberate types.
/// FixAll edits each document once with one <see cref="DocumentEditor"/>, so nested handlers compose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LetDeliberateErrorsThroughCodeFix))]
[Shared]
public sealed class LetDeliberateErrorsThroughCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LEAK003.LetDeliberateErrorsThrough";
    public const string FilterEquivalenceKey = "LEAK003.FilterDeliberateErrorsOut";
    private const string Title = "Let deliberate HTTP errors through";
    private const string FilterTitle = "Let deliberate HTTP errors through with a 'when' filter";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.CatchAllSwallowsHttpErrors);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            (Document?)await FixDocumentAsync(document, diagnostics, context.CodeActionEquivalenceKey == FilterEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (DeliberateErrorEdit.TryCreate(model, diagnostic, useFilter: false, context.CancellationToken) is null)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), false, ct), EquivalenceKey),
                diagnostic);
            if (DeliberateErrorEdit.IsOnCatchClause(diagnostic) && DeliberateErrorEdit.TryCreate(model, diagnostic, useFilter: true, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(FilterTitle, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), true, ct), FilterEquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool useFilter, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
            DeliberateErrorEdit.TryCreate(editor.SemanticModel, diagnostic, useFilter, cancellationToken)?.Apply(editor);
        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
