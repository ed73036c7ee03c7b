using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// FixAll for the correlation-ID fix. The batch fixer merges independent text changes and would insert one ID
/// declaration and one log call per diagnostic (or drop overlapping edits); this provider hands all of a document's
/// diagnostics to one rewriter pass, so two leaks in one catch block share one ID and one log call.
/// Document, project and solution scopes are supported (the base class fans out per document).
/// </summary>
internal sealed class CorrelationIdFixAllProvider : DocumentBasedFixAllProvider
{
    public static readonly CorrelationIdFixAllProvider Instance = new();

    protected override string GetFixAllTitle(FixAllContext fixAllContext) =>
        "Return generic errors with correlation IDs and log the exceptions";

    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.IsEmpty
            ? document
            : await CorrelationIdRewriter.FixAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
}
