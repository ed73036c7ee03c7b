using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Applies the correlation-ID fix for any number of diagnostics of one document with a single
/// <see cref="DocumentEditor"/>: values first (innermost), then log calls, catch variables, the ID statements, block
/// conversions of expression bodies, and last the injected loggers; then imports, simplification and formatting.
/// </summary>
internal static class CorrelationIdRewriter
{
    public static async Task<bool> CanFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        try
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return root is not null && model is not null && new FixPlanner(root, model, cancellationToken).Add(diagnostic);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Broken or half-typed code must never crash the IDE: no fix is offered instead.
            return false;
        }
    }

    public static async Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            return await RewriteAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // In FixAll one odd document must not abort the others: it stays as it was.
            return document;
        }
    }

    private static async Task<Document> RewriteAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var planner = new FixPlanner(editor.OriginalRoot, model, cancellationToken);
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            planner.Add(diagnostic);
        if (planner.Plans.Count == 0)
            return document;

        var namespaces = new HashSet<string>();
        foreach (var plan in planner.Plans)
        {
            foreach (var (_, target, replacement) in plan.Values)
                editor.ReplaceNode(target, replacement);
            if (plan.LogToExtend is { } call)
                editor.ReplaceNode(call, LogCallBuilder.Extend(call, plan.LogToExtendApi!, model, plan.IdName));
            if (plan.NewLogger is { } logger)
            {
                if (logger.Api.ExtensionNamespace is { } ns)
                    namespaces.Add(ns);
                if (logger.RequiredNamespace is { } required)
                    namespaces.Add(required);
            }
        }
        foreach (var plan in planner.Plans)
            AddCatchVariable(editor, plan);
        foreach (var plan in planner.Plans)
            AddStatements(editor, plan, model, cancellationToken);
        foreach (var injection in planner.Injector.Injections)
            LoggerInjection.Apply(editor, injection);

        var changed = editor.GetChangedDocument();
        changed = await UsingAdder.EnsureAsync(changed, namespaces, cancellationToken).ConfigureAwait(false);
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private static void AddCatchVariable(DocumentEditor editor, ScopePlan plan)
    {
        if (plan.NewCatchVariable is not { } name || plan.First.Catch is not { } catchClause)
            return;
        if (catchClause.Declaration is { } declaration)
        {
            editor.ReplaceNode(declaration, declaration
                .WithType(declaration.Type.WithTrailingTrivia(SyntaxFactory.Space))
                .WithIdentifier(SyntaxFactory.Identifier(name)));
            return;
        }
        // catch { } → catch (Exception ex) { }
        editor.ReplaceNode(catchClause, (current, _) =>
        {
            var clause = (CatchClauseSyntax)current;
            var type = SyntaxFactory.ParseTypeName("System.Exception").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var newDeclaration = SyntaxFactory.CatchDeclaration(type.WithTrailingTrivia(SyntaxFactory.Space), SyntaxFactory.Identifier(name))
                .WithTrailingTrivia(clause.CatchKeyword.TrailingTrivia);
            return clause
                .WithCatchKeyword(clause.CatchKeyword.WithTrailingTrivia(SyntaxFactory.Space))
                .WithDeclaration(newDeclaration);
        });
    }

    private static bool IsSingleLine(BlockSyntax block)
    {
        var span = block.SyntaxTree.GetLineSpan(block.Span);
        return span.StartLinePosition.Line == span.EndLinePosition.Line;
    }

    /// <summary><c>catch (Exception ex) { return Problem(ex.Message); }</c> cannot hold three statements on one line readably.</summary>
    private static BlockSyntax OneStatementPerLine(BlockSyntax block) =>
        block
            .WithOpenBraceToken(block.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed))
            .WithStatements(SyntaxFactory.List(block.Statements.Select(s => s
                .WithLeadingTrivia(s.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia)).Prepend(SyntaxFactory.ElasticMarker))
                .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed))))
            .WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.ElasticMarker))
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static void AddStatements(DocumentEditor editor, ScopePlan plan, SemanticModel model, CancellationToken cancellationToken)
    {
        var statements = new List<StatementSyntax>();
        if (plan.ExistingId is null)
            statements.Add(LogCallBuilder.IdDeclaration(plan.IdName));
        if (plan.NewLogger is { } logger)
            statements.Add(LogCallBuilder.NewLogCall(logger, plan.Exception, plan.IdName));
        if (statements.Count == 0)
            return;
        if (plan.Scope is BlockSyntax block)
        {
            if (plan.ExistingId is { } existing)
                editor.InsertAfter(existing, statements);
            else
                editor.InsertBefore(plan.Anchor!, statements);
            if (IsSingleLine(block))
                editor.ReplaceNode(block, (current, _) => OneStatementPerLine((BlockSyntax)current));
            return;
        }
        ExpressionBodies.ConvertToBlock(editor, plan.Scope, statements, model, cancellationToken);
    }
}
