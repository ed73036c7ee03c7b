using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Where one reported leak sits: the leaking value, the block that gets the ID and the log call (the enclosing catch
/// block, else the handler's body), and the exception to log.
/// </summary>
internal sealed class LeakSite
{
    private LeakSite(Diagnostic diagnostic, ExpressionSyntax value, SyntaxNode scope, CatchClauseSyntax? catchClause, SyntaxNode function, ExpressionSyntax? exception)
    {
        Diagnostic = diagnostic;
        Value = value;
        Scope = scope;
        Catch = catchClause;
        Function = function;
        Exception = exception;
    }

    public Diagnostic Diagnostic { get; }
    /// <summary>The value handed to the sink (the diagnostic's primary location).</summary>
    public ExpressionSyntax Value { get; }
    /// <summary>A <see cref="BlockSyntax"/>, or an expression-bodied function that will get a block.</summary>
    public SyntaxNode Scope { get; }
    public CatchClauseSyntax? Catch { get; }
    /// <summary>The method, accessor, local function or lambda that contains the value.</summary>
    public SyntaxNode Function { get; }
    /// <summary>Outside a catch block: the exception expression to log. Inside one, the catch variable is used.</summary>
    public ExpressionSyntax? Exception { get; }

    public static LeakSite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var span = diagnostic.Location.SourceSpan;
        if (!root.FullSpan.Contains(span))
            return null;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
            node = argument.Expression;
        var value = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == span)
            ?? node as ExpressionSyntax;
        if (value is null)
            return null;

        SyntaxNode? function = null;
        SyntaxNode? scope = null;
        CatchClauseSyntax? catchClause = null;
        foreach (var ancestor in value.Ancestors())
        {
            if (ancestor is CatchClauseSyntax c && c.Block.Span.Contains(value.Span) && catchClause is null && scope is null)
            {
                catchClause = c;
                scope = c.Block;
            }
            if (IsFunction(ancestor))
            {
                function = ancestor;
                scope ??= FunctionBody(ancestor);
                break;
            }
        }
        if (function is null || scope is null)
            return null;
        if (catchClause is not null)
            return new LeakSite(diagnostic, value, scope, catchClause, function, null);

        var exception = ExceptionToLog(model, diagnostic, value, function, cancellationToken);
        if (exception is null)
            return null;
        exception = PatternInput(model, exception, cancellationToken) ?? exception;
        // A pattern variable declared inside the statement that holds the leak is not visible before that statement:
        // the ID and the log call then go into the innermost block inside it.
        if (scope is BlockSyntax block && exception.SyntaxTree == model.SyntaxTree
            && model.GetSymbolInfo(exception, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault() is { } declaration)
        {
            var holder = block.Statements.FirstOrDefault(s => s.Span.Contains(value.Span));
            if (holder is not null && holder.Span.Contains(declaration.Span))
            {
                var inner = value.Ancestors().TakeWhile(a => a != holder).OfType<BlockSyntax>().FirstOrDefault();
                if (inner is null)
                    return null;
                scope = inner;
            }
        }
        return new LeakSite(diagnostic, value, scope, null, function, exception);
    }

    /// <summary>
    /// <c>if (context.Exception is DbException db) … db.Message</c>: <c>db</c> is the same object as
    /// <c>context.Exception</c>, which is in scope before the <c>if</c>, where the log call goes.
    /// </summary>
    private static ExpressionSyntax? PatternInput(SemanticModel model, ExpressionSyntax exception, CancellationToken cancellationToken)
    {
        if (exception.SyntaxTree != model.SyntaxTree
            || model.GetSymbolInfo(exception, cancellationToken).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not SingleVariableDesignationSyntax designation
            || designation.FirstAncestorOrSelf<IsPatternExpressionSyntax>() is not { } isPattern
            || isPattern.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax)
            || !TypeRelations.IsException(model.GetTypeInfo(isPattern.Expression, cancellationToken).Type, model.Compilation))
        {
            return null;
        }
        return isPattern.Expression;
    }

    public static bool IsFunction(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax;

    /// <summary>The block body, or the function itself when it has an expression body.</summary>
    private static SyntaxNode? FunctionBody(SyntaxNode function) => function switch
    {
        AnonymousFunctionExpressionSyntax f => (SyntaxNode?)f.Block ?? (f.ExpressionBody is null ? null : f),
        LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? (f.ExpressionBody is null ? null : f),
        BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? (m.ExpressionBody is null ? null : m),
        AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? (a.ExpressionBody is null ? null : a),
        _ => null,
    };

    /// <summary>
    /// The root of the exception read (the <c>ex</c> in <c>ex.InnerException.Message</c>, <c>feature.Error</c> in
    /// <c>feature.Error.Message</c>): logging it records the whole chain. Looked for where the data was read
    /// (additional location) first, then in the value, then among the function's parameters. A read in another member
    /// (a helper, a property getter) is used only when it means the same there as at the sink (<c>_lastError</c>,
    /// <c>HttpContext.Features...</c>), not when it names the helper's own parameter.
    /// </summary>
    private static ExpressionSyntax? ExceptionToLog(SemanticModel model, Diagnostic diagnostic, ExpressionSyntax value, SyntaxNode function, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        var root = value.SyntaxTree.GetRoot(cancellationToken);
        foreach (var location in diagnostic.AdditionalLocations.Select(l => l.SourceSpan).Concat(new[] { value.Span }))
        {
            if (!root.FullSpan.Contains(location))
                continue;
            if (ExceptionRoot(model, root.FindNode(location, getInnermostNodeForTie: true), cancellationToken) is not { } read)
                continue;
            if (function.Span.Contains(location) || BindsToException(model, read, value.SpanStart, cancellationToken))
                return read;
            if (WithArgument(model, read, value, cancellationToken) is { } passed && BindsToException(model, passed, value.SpanStart, cancellationToken))
                return passed;
        }
        var parameters = function switch
        {
            AnonymousFunctionExpressionSyntax f => model.GetSymbolInfo(f, cancellationToken).Symbol as IMethodSymbol,
            _ => model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol,
        };
        var parameter = parameters?.Parameters.FirstOrDefault(p => TypeRelations.IsException(p.Type, compilation));
        return parameter is null ? null : SyntaxFactory.IdentifierName(parameter.Name);
    }

    private static ExpressionSyntax? ExceptionRoot(SemanticModel model, SyntaxNode read, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        foreach (var candidate in read.DescendantNodesAndSelf().OfType<ExpressionSyntax>())
        {
            if (candidate.Parent is MemberAccessExpressionSyntax m && m.Name == candidate)
                continue;
            if (!TypeRelations.IsException(model.GetTypeInfo(candidate, cancellationToken).Type, compilation))
                continue;
            // feature?.Error.Message: the exception is the binding '.Error' of 'feature?'; log 'feature?.Error'.
            if (candidate is MemberBindingExpressionSyntax binding)
            {
                if (binding.Parent?.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { } access
                    && !TypeRelations.IsException(model.GetTypeInfo(access.Expression, cancellationToken).Type, compilation))
                {
                    return SyntaxFactory.ConditionalAccessExpression(access.Expression.WithoutTrivia(), binding.WithoutTrivia());
                }
                continue;
            }
            var receiver = candidate switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
                _ => null,
            };
            if (receiver is not null && TypeRelations.IsException(model.GetTypeInfo(receiver, cancellationToken).Type, compilation))
                continue;
            if (candidate is IdentifierNameSyntax or MemberAccessExpressionSyntax or ConditionalAccessExpressionSyntax)
                return candidate;
        }
        return null;
    }

    /// <summary>
    /// <c>f.Error</c> read by a helper the value calls (<c>Describe(feature!)</c> with <c>Describe(IExceptionHandlerFeature
    /// f)</c>), written with the caller's argument instead of the parameter: <c>(feature!).Error</c>.
    /// </summary>
    private static ExpressionSyntax? WithArgument(SemanticModel model, ExpressionSyntax read, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var first = read;
        while (first is MemberAccessExpressionSyntax or ConditionalAccessExpressionSyntax or InvocationExpressionSyntax)
        {
            first = first switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                ConditionalAccessExpressionSyntax conditional => conditional.Expression,
                _ => ((InvocationExpressionSyntax)first).Expression,
            };
        }
        if (first is not IdentifierNameSyntax identifier
            || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not IParameterSymbol { ContainingSymbol: IMethodSymbol helper } parameter)
            return null;
        foreach (var call in value.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol called
                || !SymbolEqualityComparer.Default.Equals(called.OriginalDefinition, helper.OriginalDefinition))
                continue;
            var arguments = call.ArgumentList.Arguments;
            var argument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter.Name)
                ?? (parameter.Ordinal < arguments.Count && arguments[parameter.Ordinal].NameColon is null ? arguments[parameter.Ordinal] : null);
            if (argument is null)
                return null;
            var passed = argument.Expression.WithoutTrivia();
            ExpressionSyntax replacement = passed is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax
                ? passed
                : SyntaxFactory.ParenthesizedExpression(passed);
            return read.ReplaceNode(identifier, replacement.WithTriviaFrom(identifier));
        }
        return null;
    }

    /// <summary>Whether <paramref name="expression"/>, written at <paramref name="position"/>, is an exception there.</summary>
    private static bool BindsToException(SemanticModel model, ExpressionSyntax expression, int position, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var type = model.GetSpeculativeTypeInfo(position, expression.WithoutTrivia(), SpeculativeBindingOption.BindAsExpression).Type;
        return type is not null && type.TypeKind != TypeKind.Error && TypeRelations.IsException(type, model.Compilation);
    }
}
