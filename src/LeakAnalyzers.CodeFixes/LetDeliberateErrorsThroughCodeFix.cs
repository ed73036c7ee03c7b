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
/// FixAll edits each document once with one <see cref="DocumentEditor"/>, so nested handlers compose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LetDeliberateErrorsThroughCodeFix))]
[Shared]
public sealed class LetDeliberateErrorsThroughCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LEAK003.LetDeliberateErrorsThrough";
    private const string Title = "Let deliberate HTTP errors through";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.CatchAllSwallowsHttpErrors);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            (Document?)await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (DeliberateErrorEdit.TryCreate(model, diagnostic, context.CancellationToken) is null)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
            DeliberateErrorEdit.TryCreate(editor.SemanticModel, diagnostic, cancellationToken)?.Apply(editor);
        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
