using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LeakAnalyzers.Core;
using LeakAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace LeakAnalyzers.CodeFixes;

/// <summary>
/// LEAK005: turns a debug feature on only in Development. A constant <c>true</c> (or an omitted flag argument) becomes
/// <c>env.IsDevelopment()</c>; any other enabling statement is wrapped in <c>if (env.IsDevelopment()) { ... }</c>. The
/// environment is whatever is in scope (<see cref="ReachableEnvironment"/>); with none in scope there is no fix, and a
/// forced Development environment gets none either (the analyzer marks it so): the line must simply go.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GuardWithIsDevelopmentCodeFix))]
[Shared]
public sealed class GuardWithIsDevelopmentCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LEAK005.GuardWithIsDevelopment";
    private const string Title = "Enable only in Development (IsDevelopment())";
    private const string IsDevelopment = "IsDevelopment";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.DebugFeatureOutsideDevelopment);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(document, diagnostics, context.CancellationToken));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is null)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixOneAsync(context.Document, diagnostic, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixOneAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await FixDocumentAsync(document, ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false) ?? document;

    /// <summary>What to edit for one diagnostic: the node, how, and the environment to test.</summary>
    private sealed class Edit
    {
        public Edit(SyntaxNode target, string kind, ReachableEnvironment.Found environment)
        {
            Target = target;
            Kind = kind;
            Environment = environment;
        }

        public SyntaxNode Target { get; }
        public string Kind { get; }
        public ReachableEnvironment.Found Environment { get; }
    }

    private static Edit? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DebugFeatureOutsideDevelopmentAnalyzer.FixKey, out var kind) || kind is null
            || diagnostic.AdditionalLocations.Count == 0)
            return null;
        var span = diagnostic.AdditionalLocations[0].SourceSpan;
        if (root.FullSpan.End < span.End)
            return null;
        var target = root.FindNode(span, getInnermostNodeForTie: true);
        while (target.Span != span && target.Parent is { } parent && parent.Span.Contains(span))
            target = parent;
        if (target.Span != span)
            return null;
        // A statement can be wrapped only when the flagged expression is the whole statement (not mid-chain,
        // not an expression-bodied lambda).
        if (kind == DebugFeatureOutsideDevelopmentAnalyzer.FixWrap && target.Parent is not ExpressionStatementSyntax)
            return null;
        if (kind == DebugFeatureOutsideDevelopmentAnalyzer.FixAddArgument && target is not ArgumentListSyntax)
            return null;
        if (ReachableEnvironment.Find(model, span.Start, cancellationToken) is not { } environment)
            return null;
        return new Edit(target, kind, environment);
    }

    private static async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return null;
        var edits = new List<Edit>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, model, diagnostic, cancellationToken) is { } edit)
                edits.Add(edit);
        }
        if (edits.Count == 0)
            return null;

        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        var namespaces = new HashSet<string>();
        // Innermost first, so that an edit inside a statement that is also wrapped is applied to the tracked node.
        foreach (var edit in edits.OrderBy(e => e.Target.Span.Length))
        {
            var condition = IsDevelopmentCall(edit.Environment.Expression);
            if (!HasIsDevelopment(model, edit.Target.SpanStart, edit.Environment.Type))
                namespaces.Add(edit.Environment.ExtensionNamespace);
            switch (edit.Kind)
            {
                case DebugFeatureOutsideDevelopmentAnalyzer.FixReplaceValue:
                    editor.ReplaceNode(edit.Target, (current, _) => condition.WithTriviaFrom(current));
                    break;
                case DebugFeatureOutsideDevelopmentAnalyzer.FixAddArgument:
                    editor.ReplaceNode(edit.Target, (current, _) => ((ArgumentListSyntax)current).AddArguments(SyntaxFactory.Argument(condition)));
                    break;
                case DebugFeatureOutsideDevelopmentAnalyzer.FixWrap:
                    var statement = edit.Target.Parent!;
                    switch (statement.Parent)
                    {
                        case ElseClauseSyntax elseClause:
                            // `else app.UseDeveloperExceptionPage();` becomes `else if (env.IsDevelopment()) { ... }`.
                            editor.ReplaceNode(statement, (current, _) => Wrap((StatementSyntax)current, condition).WithoutLeadingTrivia());
                            editor.ReplaceNode(elseClause, (current, _) =>
                            {
                                var clause = (ElseClauseSyntax)current;
                                return clause.WithElseKeyword(clause.ElseKeyword.WithTrailingTrivia(SyntaxFactory.Space));
                            });
                            break;
                        case BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax:
                            editor.ReplaceNode(statement, (current, _) => Wrap((StatementSyntax)current, condition));
                            break;
                        default:
                            // Any other embedded statement (`if (x) app.Use...();`, a loop body) gets a block of its own.
                            editor.ReplaceNode(statement, (current, _) => SyntaxFactory.Block(Wrap((StatementSyntax)current, condition))
                                .WithAdditionalAnnotations(Formatter.Annotation));
                            break;
                    }
                    break;
            }
        }
        var newRoot = editor.GetChangedRoot();
        if (namespaces.Count > 0 && newRoot is CompilationUnitSyntax unit)
            newRoot = AddUsings(unit, namespaces);
        var changed = document.WithSyntaxRoot(newRoot);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static InvocationExpressionSyntax IsDevelopmentCall(ExpressionSyntax environment) =>
        SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression, environment.WithoutTrivia(), SyntaxFactory.IdentifierName(IsDevelopment)));

    /// <summary><c>if (env.IsDevelopment()) { statement }</c>, keeping the statement's comments where they were.</summary>
    private static StatementSyntax Wrap(StatementSyntax statement, ExpressionSyntax condition)
    {
        var trailing = statement.GetTrailingTrivia();
        var endOfLine = trailing.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var closeBrace = SyntaxFactory.Token(SyntaxKind.CloseBraceToken);
        if (endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
            closeBrace = closeBrace.WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine.ToString()));
        var block = SyntaxFactory.Block(statement.WithoutLeadingTrivia()).WithCloseBraceToken(closeBrace);
        return SyntaxFactory.IfStatement(condition, block)
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static bool HasIsDevelopment(SemanticModel model, int position, ITypeSymbol environmentType) =>
        !model.LookupSymbols(position, environmentType, IsDevelopment, includeReducedExtensionMethods: true).IsEmpty;

    private static CompilationUnitSyntax AddUsings(CompilationUnitSyntax unit, HashSet<string> namespaces)
    {
        var usings = unit.Usings;
        foreach (var ns in namespaces.OrderBy(n => n, System.StringComparer.Ordinal))
        {
            if (usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns))
                continue;
            usings = usings.Add(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).WithAdditionalAnnotations(Formatter.Annotation));
        }
        return unit.WithUsings(usings);
    }
}
