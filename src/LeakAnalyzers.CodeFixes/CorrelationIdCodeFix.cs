using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LeakAnalyzers.CodeFixes.CorrelationId;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LeakAnalyzers.CodeFixes;

/// <summary>
/// LEAK001/LEAK002: replace the leaking value with a generic message carrying a correlation ID, and log the
/// exception with that ID once per catch block or handler (see docs/rules/LEAK001.md, "How to fix").
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorrelationIdCodeFix))]
[Shared]
public sealed class CorrelationIdCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LeakAnalyzers.CorrelationId";
    private const string Title = "Return a generic error with a correlation ID and log the exception";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.ExceptionDetailsInResponse, RuleIdentifiers.DatabaseDetailsInResponse);

    public override FixAllProvider GetFixAllProvider() => CorrelationIdFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!await CorrelationIdRewriter.CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => CorrelationIdRewriter.FixAsync(context.Document, new[] { diagnostic }, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
