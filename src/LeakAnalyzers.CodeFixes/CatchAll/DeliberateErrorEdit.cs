using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LeakAnalyzers.Rules.CatchAll;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LeakAnalyzers.CodeFixes.CatchAll;

/// <summary>
/// The edit for one LEAK003 diagnostic, planned from the diagnostic's properties (swallowed types, handler kind)
/// and applied to a shared <see cref="DocumentEditor"/>. Types are written fully qualified and annotated, so the
/// simplifier and the import adder turn them into short names with the right usings.
/// </summary>
internal abstract class DeliberateErrorEdit
{
    private const string OperationCanceled = "System.OperationCanceledException";
    private const string HttpContextType = "Microsoft.AspNetCore.Http.HttpContext";

    public abstract void Apply(DocumentEditor editor);

    /// <summary>True when the diagnostic is on a catch clause, where the when-filter alternative applies.</summary>
    public static bool IsOnCatchClause(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(SwallowedTypesMessage.KindProperty, out var kindName)
        && Enum.TryParse<HandlerKind>(kindName, out var kind)
        && kind is HandlerKind.Middleware or HandlerKind.Interceptor or HandlerKind.Endpoint;

    /// <param name="useFilter">For catch clauses: a <c>when</c> filter on the catch-all instead of rethrowing clauses.</param>
    public static DeliberateErrorEdit? TryCreate(SemanticModel model, Diagnostic diagnostic, bool useFilter, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SwallowedTypesMessage.TypesProperty, out var typeNames) || typeNames is null
            || !diagnostic.Properties.TryGetValue(SwallowedTypesMessage.KindProperty, out var kindName)
            || !Enum.TryParse<HandlerKind>(kindName, out var kind))
            return null;
        var types = new List<INamedTypeSymbol>();
        foreach (var name in typeNames.Split(SwallowedTypesMessage.Separator))
        {
            if (model.Compilation.GetTypeByMetadataName(name) is not { } type)
                return null;
            types.Add(type);
        }
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        if (diagnostic.Location.SourceTree != model.SyntaxTree || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            return null;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var namer = new TypeNamer(model, node.SpanStart);
        switch (kind)
        {
            case HandlerKind.Middleware:
            case HandlerKind.Interceptor:
            case HandlerKind.Endpoint:
                if (node.FirstAncestorOrSelf<CatchClauseSyntax>() is not { } clause)
                    return null;
                var httpContext = HttpContextName(model, clause, cancellationToken);
                return useFilter
                    ? WhenFilterOnCatchAll.Create(model, clause, types, httpContext, namer)
                    : new RethrowBeforeCatchAll(clause, types, httpContext, namer);
            case HandlerKind.ExceptionFilter:
            case HandlerKind.WebApiExceptionFilter:
            case HandlerKind.ExceptionHandler:
                return node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
                       && model.GetDeclaredSymbol(method, cancellationToken) is { } symbol
                    ? EarlyReturn.Create(method, symbol, types, kind, namer)
                    : null;
            case HandlerKind.ExceptionHandlerDelegate:
                return node.FirstAncestorOrSelf<LambdaExpressionSyntax>() is { Block: not null } lambda
                    ? OwnStatusInExceptionHandler.Create(model, lambda, types, namer, cancellationToken)
                    : null;
            default:
                return null;
        }
    }

    protected static bool IsOperationCanceled(INamedTypeSymbol type) => type.ToDisplayString() == OperationCanceled;

    protected static T Annotate<T>(T node) where T : SyntaxNode =>
        node.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    protected static StatementSyntax Statement(string text) => Annotate(SyntaxFactory.ParseStatement(text).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));

    /// <summary>The <c>is A or B</c> pattern text for the types (fully qualified).</summary>
    protected static string IsAnyOf(IEnumerable<INamedTypeSymbol> types, TypeNamer names) => string.Join(" or ", types.Select(names.Name));

    /// <summary>Inserts statements at the start of a block body (turning an expression body into a block first).</summary>
    protected static void InsertAtStart(DocumentEditor editor, BlockSyntax body, IReadOnlyList<StatementSyntax> statements) =>
        editor.ReplaceNode(body, (current, _) => ((BlockSyntax)current).WithStatements(
            SyntaxFactory.List(statements.Concat(((BlockSyntax)current).Statements))));

    private static string? HttpContextName(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            var symbol = ancestor switch
            {
                AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol,
                LocalFunctionStatementSyntax local => model.GetDeclaredSymbol(local, cancellationToken) as IMethodSymbol,
                BaseMethodDeclarationSyntax method => model.GetDeclaredSymbol(method, cancellationToken) as IMethodSymbol,
                _ => null,
            };
            if (symbol is null)
                continue;
            foreach (var parameter in symbol.Parameters)
            {
                if (parameter.Type.ToDisplayString() == HttpContextType)
                    return parameter.Name;
            }
            // Endpoint filters and similar: a context parameter that carries the HttpContext.
            foreach (var parameter in symbol.Parameters)
            {
                foreach (var member in parameter.Type.GetMembers("HttpContext"))
                {
                    if (member is IPropertySymbol { IsStatic: false } property && property.Type.ToDisplayString() == HttpContextType)
                        return parameter.Name + ".HttpContext";
                }
            }
        }
        return null;
    }

    /// <summary><c>catch (T) { throw; }</c> for each swallowed type, before the catch-all.</summary>
    private sealed class RethrowBeforeCatchAll : DeliberateErrorEdit
    {
        private readonly CatchClauseSyntax _catchAll;
        private readonly List<INamedTypeSymbol> _types;
        private readonly string? _httpContext;
        private readonly TypeNamer _names;

        public RethrowBeforeCatchAll(CatchClauseSyntax catchAll, List<INamedTypeSymbol> types, string? httpContext, TypeNamer names)
        {
            _catchAll = catchAll;
            _types = types;
            _httpContext = httpContext;
            _names = names;
        }

        public override void Apply(DocumentEditor editor)
        {
            var clauses = _types.Select(type =>
            {
                var filter = IsOperationCanceled(type) && _httpContext is not null
                    ? SyntaxFactory.CatchFilterClause(SyntaxFactory.ParseExpression(_httpContext + ".RequestAborted.IsCancellationRequested"))
                    : null;
                var clause = SyntaxFactory.CatchClause(
                    SyntaxFactory.CatchDeclaration(SyntaxFactory.ParseTypeName(_names.Name(type))),
                    filter,
                    SyntaxFactory.Block(SyntaxFactory.ThrowStatement()));
                return (SyntaxNode)Annotate(clause);
            });
            editor.InsertBefore(_catchAll, clauses);
        }
    }

    /// <summary>Filters and <c>TryHandleAsync</c>: return before handling when the exception is deliberate.</summary>
    private sealed class EarlyReturn : DeliberateErrorEdit
    {
        private readonly MethodDeclarationSyntax _method;
        private readonly List<StatementSyntax> _statements;

        private EarlyReturn(MethodDeclarationSyntax method, List<StatementSyntax> statements)
        {
            _method = method;
            _statements = statements;
        }

        public static EarlyReturn? Create(MethodDeclarationSyntax method, IMethodSymbol symbol, List<INamedTypeSymbol> types, HandlerKind kind, TypeNamer names)
        {
            if (symbol.Parameters.IsEmpty)
                return null;
            var exception = kind == HandlerKind.ExceptionHandler
                ? symbol.Parameters.FirstOrDefault(p => p.Type.Name == "Exception")?.Name
                : symbol.Parameters[0].Name + ".Exception";
            if (exception is null)
                return null;
            var isAsync = method.Modifiers.Any(SyntaxKind.AsyncKeyword);
            var returnStatement = kind == HandlerKind.ExceptionHandler
                ? (isAsync ? "return false;" : $"return {names.Name("System.Threading.Tasks.ValueTask")}.FromResult(false);")
                : (isAsync || symbol.ReturnsVoid ? "return;" : $"return {names.Name("System.Threading.Tasks.Task")}.CompletedTask;");

            var statements = new List<StatementSyntax>();
            var plain = types.Where(t => !IsOperationCanceled(t)).ToList();
            if (plain.Count > 0)
                statements.Add(Statement($"if ({exception} is {IsAnyOf(plain, names)})\n{{\n{returnStatement}\n}}"));
            if (plain.Count != types.Count && kind == HandlerKind.ExceptionFilter)
                statements.Add(Statement($"if ({exception} is {names.Name(OperationCanceled)} && {symbol.Parameters[0].Name}.HttpContext.RequestAborted.IsCancellationRequested)\n{{\n{returnStatement}\n}}"));
            return new EarlyReturn(method, statements);
        }

        public override void Apply(DocumentEditor editor)
        {
            if (_method.Body is { } body)
            {
                InsertAtStart(editor, body, _statements);
                return;
            }
            if (_method.ExpressionBody is not { } arrow)
                return;
            editor.ReplaceNode(_method, (current, _) =>
            {
                var method = (MethodDeclarationSyntax)current;
                var expression = method.ExpressionBody?.Expression ?? arrow.Expression;
                var returnsValue = method.ReturnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
                                   && !(method.Modifiers.Any(SyntaxKind.AsyncKeyword) && method.ReturnType.ToString() == "Task");
                StatementSyntax last = returnsValue ? SyntaxFactory.ReturnStatement(expression) : SyntaxFactory.ExpressionStatement(expression);
                return Annotate(method
                    .WithExpressionBody(null)
                    .WithSemicolonToken(default)
                    .WithBody(SyntaxFactory.Block(_statements.Append(last))));
            });
        }
    }

    /// <summary>A <c>UseExceptionHandler</c> delegate answers each deliberate error with the status it carries.</summary>
    private sealed class OwnStatusInExceptionHandler : DeliberateErrorEdit
    {
        private readonly BlockSyntax _body;
        private readonly List<StatementSyntax> _statements;

        private OwnStatusInExceptionHandler(BlockSyntax body, List<StatementSyntax> statements)
        {
            _body = body;
            _statements = statements;
        }

        public static OwnStatusInExceptionHandler? Create(SemanticModel model, LambdaExpressionSyntax lambda, List<INamedTypeSymbol> types, TypeNamer names, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol { Parameters.Length: 1 } symbol || lambda.Block is null)
                return null;
            var context = symbol.Parameters[0].Name;
            var returnStatement = lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) ? "return;" : $"return {names.Name("System.Threading.Tasks.Task")}.CompletedTask;";
            var statements = new List<StatementSyntax>();
            foreach (var type in types)
            {
                if (StatusCodeOf(type) is not { } status)
                    return null;
                var variable = char.ToLowerInvariant(type.Name[0]) + type.Name.Substring(1);
                var value = status.Type.SpecialType == SpecialType.System_Int32 ? $"{variable}.StatusCode" : $"(int){variable}.StatusCode";
                statements.Add(Statement(
                    $"if ({context}.Features.Get<{names.Name("Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature")}>()?.Error is {names.Name(type)} {variable})\n" +
                    $"{{\n{context}.Response.StatusCode = {value};\n{returnStatement}\n}}"));
            }
            return new OwnStatusInExceptionHandler(lambda.Block, statements);
        }

        public override void Apply(DocumentEditor editor) => InsertAtStart(editor, _body, _statements);

        private static IPropertySymbol? StatusCodeOf(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("StatusCode"))
                {
                    if (member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } property)
                        return property;
                }
            }
            return null;
        }
    }
}
