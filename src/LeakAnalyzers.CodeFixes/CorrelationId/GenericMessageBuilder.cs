using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Builds the value that replaces a leak: a generic message carrying the correlation ID, of the CLR shape the sink
/// received (a string stays a string, an object an object, an anonymous object keeps its harmless members).
/// </summary>
internal static class GenericMessageBuilder
{
    public const string GenericText = "An unexpected error occurred.";
    private const string IdMember = "errorId";

    // Member names that hold "the message" of an error body: replaced by the generic text, not dropped.
    private static readonly string[] MessageWords = { "message", "error", "detail", "title", "reason", "description", "msg" };
    // Members that describe the failure's internals: dropped even when their name also sounds like a message.
    private static readonly string[] InternalsWords = { "stack", "trace", "source", "type", "inner", "site", "sql", "query", "command", "connection", "exception", "data", "help", "target" };

    public static ExpressionSyntax? Build(ExpressionSyntax value, SemanticModel model, TaintProbe taint, string idName, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(value, cancellationToken).Type;
        if (type?.SpecialType == SpecialType.System_String)
            return GenericString(idName);
        switch (value)
        {
            case AnonymousObjectCreationExpressionSyntax anonymous:
                return Annotate(RebuildAnonymous(anonymous, model, taint, idName, cancellationToken));
            case BaseObjectCreationExpressionSyntax creation when type is not null && !TypeRelations.IsException(type, model.Compilation)
                && SanitizeCreation(creation, model, taint, idName, cancellationToken) is { } sanitized:
                return sanitized;
        }
        if (ReceivesObject(value, model, cancellationToken))
            return Annotate(GenericObject(idName, Array.Empty<AnonymousObjectMemberDeclaratorSyntax>()));
        if (value is InvocationExpressionSyntax invocation)
        {
            // e.g. Encoding.UTF8.GetBytes(ex.Message): keep the call, clean its text arguments.
            var changed = SanitizeArguments(invocation.ArgumentList, model, taint, idName, cancellationToken);
            if (changed is not null)
                return invocation.WithArgumentList(changed);
        }
        return AcceptsText(value, model, cancellationToken) ? GenericString(idName) : null;
    }

    /// <summary>
    /// The sink has a text overload: Web API's <c>CreateErrorResponse(status, ex)</c> binds to
    /// <c>CreateErrorResponse(status, string)</c> once the exception is replaced by a message.
    /// </summary>
    private static bool AcceptsText(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        if (value.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument)
            return false;
        var probe = invocation.ReplaceNode(argument, argument.WithExpression(
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("x"))));
        var bound = model.GetSpeculativeSymbolInfo(invocation.SpanStart, probe, SpeculativeBindingOption.BindAsExpression).Symbol;
        return bound is IMethodSymbol method && method.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_String);
    }

    public static ExpressionSyntax GenericString(string idName) =>
        Annotate(SyntaxFactory.ParseExpression("$\"An unexpected error occurred. Error ID: {" + idName + "}\""));

    private static ExpressionSyntax Annotate(ExpressionSyntax expression) => expression.WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>The sink parameter is object, dynamic or a type parameter: any object keeps the call compiling.</summary>
    private static bool ReceivesObject(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        var converted = model.GetTypeInfo(value, cancellationToken).ConvertedType;
        if (converted is { SpecialType: SpecialType.System_Object } or { TypeKind: TypeKind.Dynamic })
            return true;
        var operation = model.GetOperation(value, cancellationToken);
        while (operation?.Parent is IConversionOperation { IsImplicit: true } conversion)
            operation = conversion;
        return operation?.Parent is IArgumentOperation { Parameter: { } parameter }
            && parameter.OriginalDefinition.Type is ITypeParameterSymbol or { SpecialType: SpecialType.System_Object };
    }

    private static AnonymousObjectCreationExpressionSyntax RebuildAnonymous(
        AnonymousObjectCreationExpressionSyntax anonymous, SemanticModel model, TaintProbe taint, string idName, CancellationToken cancellationToken)
    {
        var kept = new List<AnonymousObjectMemberDeclaratorSyntax>();
        var hasMessage = false;
        foreach (var member in anonymous.Initializers)
        {
            var name = MemberName(member);
            if (name == IdMember)
                continue;
            if (!taint.IsTainted(member.Expression))
            {
                hasMessage |= IsMessageName(name);
                kept.Add(member.WithoutTrivia());
                continue;
            }
            if (!hasMessage && IsMessageName(name) && model.GetTypeInfo(member.Expression, cancellationToken).Type?.SpecialType == SpecialType.System_String)
            {
                hasMessage = true;
                kept.Add(SyntaxFactory.AnonymousObjectMemberDeclarator(
                    SyntaxFactory.NameEquals(name), SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(GenericText))));
            }
        }
        var rebuilt = GenericObject(idName, kept, addMessage: !hasMessage);
        return IsMultiLine(anonymous) ? KeepLayout(anonymous, rebuilt) : rebuilt;
    }

    private static bool IsMultiLine(AnonymousObjectCreationExpressionSyntax anonymous) =>
        anonymous.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
        || anonymous.Initializers.GetSeparators().Any(s => s.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));

    /// <summary>One member per line stays one member per line (original braces, indentation and trailing comma).</summary>
    private static AnonymousObjectCreationExpressionSyntax KeepLayout(AnonymousObjectCreationExpressionSyntax original, AnonymousObjectCreationExpressionSyntax rebuilt)
    {
        var first = original.Initializers.FirstOrDefault();
        var leading = first?.GetLeadingTrivia() ?? default;
        var separator = original.Initializers.GetSeparators().FirstOrDefault();
        var separatorTrailing = separator.IsKind(SyntaxKind.None) ? SyntaxFactory.TriviaList(SyntaxFactory.ElasticCarriageReturnLineFeed) : separator.TrailingTrivia;
        var trailingComma = original.Initializers.SeparatorCount == original.Initializers.Count && original.Initializers.Count > 0;
        var lastTrailing = original.Initializers.LastOrDefault()?.GetTrailingTrivia() ?? default;
        var members = rebuilt.Initializers.Select(m => m.WithLeadingTrivia(leading)).ToList();
        if (!trailingComma)
            members[members.Count - 1] = members[members.Count - 1].WithTrailingTrivia(lastTrailing);
        var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrailing), trailingComma ? members.Count : members.Count - 1);
        return original.WithInitializers(SyntaxFactory.SeparatedList(members, separators));
    }

    private static AnonymousObjectCreationExpressionSyntax GenericObject(string idName, IReadOnlyList<AnonymousObjectMemberDeclaratorSyntax> members, bool addMessage = true)
    {
        var all = new List<AnonymousObjectMemberDeclaratorSyntax>();
        if (addMessage)
        {
            all.Add(SyntaxFactory.AnonymousObjectMemberDeclarator(
                SyntaxFactory.NameEquals("message"), SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(GenericText))));
        }
        all.AddRange(members);
        all.Add(idName == IdMember
            ? SyntaxFactory.AnonymousObjectMemberDeclarator(SyntaxFactory.IdentifierName(idName))
            : SyntaxFactory.AnonymousObjectMemberDeclarator(SyntaxFactory.NameEquals(IdMember), SyntaxFactory.IdentifierName(idName)));
        return SyntaxFactory.AnonymousObjectCreationExpression(SyntaxFactory.SeparatedList(all));
    }

    /// <summary>A DTO (<c>new ErrorResponse(ex.Message) { Trace = ex.StackTrace }</c>) keeps its type: text arguments become the generic message, internals members are dropped.</summary>
    private static ExpressionSyntax? SanitizeCreation(BaseObjectCreationExpressionSyntax creation, SemanticModel model, TaintProbe taint, string idName, CancellationToken cancellationToken)
    {
        var result = creation;
        var changed = false;
        if (creation.ArgumentList is { } arguments && SanitizeArguments(arguments, model, taint, idName, cancellationToken) is { } newArguments)
        {
            result = result.WithArgumentList(newArguments);
            changed = true;
        }
        if (creation.Initializer is { } initializer)
        {
            var expressions = new List<ExpressionSyntax>();
            foreach (var expression in initializer.Expressions)
            {
                var value = expression is AssignmentExpressionSyntax a ? a.Right : expression;
                if (!taint.IsTainted(value))
                {
                    expressions.Add(expression);
                    continue;
                }
                changed = true;
                switch (expression)
                {
                    // Object initializer member: messages get the generic text, internals (Trace = ex.StackTrace) are dropped.
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment:
                        var isText = model.GetTypeInfo(assignment.Right, cancellationToken).Type?.SpecialType == SpecialType.System_String;
                        var required = model.GetSymbolInfo(left, cancellationToken).Symbol is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
                        if (isText && (IsMessageName(left.Identifier.ValueText) || required))
                            expressions.Add(assignment.WithRight(GenericString(idName)));
                        else if (required)
                            return null;
                        break;
                    // Dictionary entry ["error"] = ex.Message: the entry stays, its text becomes generic.
                    case AssignmentExpressionSyntax assignment when Build(assignment.Right, model, taint, idName, cancellationToken) is { } replacement:
                        expressions.Add(assignment.WithRight(replacement));
                        break;
                    // Collection element: replaced when it is text, else dropped.
                    case InitializerExpressionSyntax:
                        return null;
                    default:
                        if (model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String)
                            expressions.Add(GenericString(idName));
                        break;
                }
            }
            result = result.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList(expressions)));
        }
        return changed ? result.WithAdditionalAnnotations(Formatter.Annotation) : null;
    }

    private static ArgumentListSyntax? SanitizeArguments(ArgumentListSyntax arguments, SemanticModel model, TaintProbe taint, string idName, CancellationToken cancellationToken)
    {
        var changed = false;
        var list = new List<ArgumentSyntax>();
        foreach (var argument in arguments.Arguments)
        {
            if (taint.IsTainted(argument.Expression) && Build(argument.Expression, model, taint, idName, cancellationToken) is { } replacement)
            {
                list.Add(argument.WithExpression(replacement.WithTriviaFrom(argument.Expression)));
                changed = true;
            }
            else
            {
                list.Add(argument);
            }
        }
        return changed ? arguments.WithArguments(SyntaxFactory.SeparatedList(list, arguments.Arguments.GetSeparators())) : null;
    }

    private static string MemberName(AnonymousObjectMemberDeclaratorSyntax member) =>
        member.NameEquals?.Name.Identifier.ValueText ?? member.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } => binding.Name.Identifier.ValueText,
            _ => string.Empty,
        };

    private static bool IsMessageName(string name)
    {
        var lower = name.ToLowerInvariant();
        return MessageWords.Any(w => lower.Contains(w)) && !InternalsWords.Any(w => lower.Contains(w));
    }
}
