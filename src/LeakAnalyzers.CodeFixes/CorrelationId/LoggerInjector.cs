using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// When no logger is in scope, decides how to get one: an <c>ILogger&lt;T&gt;</c> constructor (or primary-constructor)
/// parameter of a DI-activated class, a parameter of a minimal-API route handler, then
/// <c>HttpContext.RequestServices</c>, and as a last resort System.Diagnostics.Trace (always available).
/// Decisions are cached per class / lambda so FixAll injects once.
/// </summary>
internal sealed class LoggerInjector
{
    private const string LoggerOfT = "Microsoft.Extensions.Logging.ILogger`1";
    private const string LoggerFactory = "Microsoft.Extensions.Logging.ILoggerFactory";
    private readonly Dictionary<SyntaxNode, LoggerChoice?> _byTarget = new();
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;

    public LoggerInjector(SemanticModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _cancellationToken = cancellationToken;
    }

    public IEnumerable<LoggerChoice> Injections => _byTarget.Values.Where(c => c is not null && c.Injection != InjectionKind.None)!;

    public LoggerChoice Choose(ExpressionSyntax at)
    {
        var hasMel = _model.Compilation.GetTypeByMetadataName(LoggerOfT) is not null;
        if (hasMel)
        {
            if (!LoggerLocator.IsStaticContext(_model, at, _cancellationToken) && at.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } type)
            {
                if (!_byTarget.TryGetValue(type, out var forClass))
                    _byTarget[type] = forClass = ForClass(type);
                if (forClass is not null)
                    return forClass;
            }
            if (RouteHandler(at) is { } lambda)
            {
                if (!_byTarget.TryGetValue(lambda, out var forLambda))
                    _byTarget[lambda] = forLambda = ForHandler(lambda, lambda.ParameterList, at);
                if (forLambda is not null)
                    return forLambda;
            }
            if (MethodGroupRouteHandler(at) is { } handler)
            {
                if (!_byTarget.TryGetValue(handler, out var forHandler))
                    _byTarget[handler] = forHandler = ForHandler(handler, ParameterListOf(handler)!, at);
                if (forHandler is not null)
                    return forHandler;
            }
            if (FromRequestServices(at) is { } fromServices)
                return fromServices;
        }
        return new LoggerChoice(LoggingApi.Trace, "System.Diagnostics.Trace");
    }

    private LoggerChoice? ForClass(ClassDeclarationSyntax declaration)
    {
        if (_model.GetDeclaredSymbol(declaration, _cancellationToken) is not { } type
            || type.DeclaringSyntaxReferences.Length != 1
            || !DiActivation.IsDiActivated(type, _model.Compilation))
        {
            return null;
        }
        var loggerType = $"Microsoft.Extensions.Logging.ILogger<{TypeSyntaxText(declaration)}>";
        var memberNames = new HashSet<string>(type.GetMembers().Select(m => m.Name).Concat(type.BaseType?.GetMembers().Select(m => m.Name) ?? Enumerable.Empty<string>()));
        if (declaration.ParameterList is { } primary)
        {
            var name = FreeName(new[] { "logger", "errorLogger" }, primary.Parameters.Select(p => p.Identifier.ValueText).Concat(memberNames));
            return new LoggerChoice(LoggingApi.MicrosoftExtensions, name, InjectionKind.PrimaryConstructor, declaration, loggerType, parameterName: name);
        }
        var constructors = declaration.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
        if (constructors.Any(c => c.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword }))
            return null;
        var field = FreeName(new[] { "_logger", "_errorLogger" }, memberNames);
        var parameter = FreeName(new[] { "logger", "errorLogger" }, constructors.SelectMany(c => c.ParameterList.Parameters).Select(p => p.Identifier.ValueText));
        return new LoggerChoice(LoggingApi.MicrosoftExtensions, field, InjectionKind.ConstructorField, declaration, loggerType, field, parameter);
    }

    /// <summary>A lambda passed to MapGet/MapPost/... : the framework binds extra parameters from DI.</summary>
    private ParenthesizedLambdaExpressionSyntax? RouteHandler(ExpressionSyntax at)
    {
        foreach (var lambda in at.Ancestors().OfType<ParenthesizedLambdaExpressionSyntax>())
        {
            if (lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                && _model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol { Name: var name } method
                && name.StartsWith("Map", System.StringComparison.Ordinal)
                && method.ContainingNamespace.ToDisplayString().StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal)
                && lambda.ParameterList.Parameters.All(p => p.Type is not null))
            {
                return lambda;
            }
        }
        return null;
    }

    /// <summary>
    /// A private method or local function passed by name to MapGet/MapPost/... (<c>MapPost("/import", ImportAsync)</c>):
    /// the framework binds an added parameter from DI. Only when every mention of it in the file is such a handler
    /// argument and no parameter is optional or params (a new trailing parameter must not break other callers).
    /// </summary>
    private SyntaxNode? MethodGroupRouteHandler(ExpressionSyntax at)
    {
        SyntaxNode? handler = at.Ancestors().FirstOrDefault(a => a is LocalFunctionStatementSyntax or MethodDeclarationSyntax);
        if (handler is null || ParameterListOf(handler) is not { } parameters
            || parameters.Parameters.Any(p => p.Default is not null || p.Modifiers.Any(SyntaxKind.ParamsKeyword))
            || _model.GetDeclaredSymbol(handler, _cancellationToken) is not IMethodSymbol method
            || method.MethodKind != MethodKind.LocalFunction && method.DeclaredAccessibility != Accessibility.Private)
            return null;
        var usedAsHandler = false;
        foreach (var name in at.SyntaxTree.GetRoot(_cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != method.Name)
                continue;
            var info = _model.GetSymbolInfo(name, _cancellationToken);
            if (!SymbolEqualityComparer.Default.Equals(info.Symbol ?? info.CandidateSymbols.FirstOrDefault(), method))
                continue;
            if (name.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                || !IsMapCall(invocation))
                return null;
            usedAsHandler = true;
        }
        return usedAsHandler ? handler : null;
    }

    private static ParameterListSyntax? ParameterListOf(SyntaxNode handler) => handler switch
    {
        MethodDeclarationSyntax method => method.ParameterList,
        LocalFunctionStatementSyntax local => local.ParameterList,
        ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
        _ => null,
    };

    private bool IsMapCall(InvocationExpressionSyntax invocation) =>
        _model.GetSymbolInfo(invocation, _cancellationToken) is var info
        && (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol { Name: var name } method
        && name.StartsWith("Map", System.StringComparison.Ordinal)
        && method.ContainingNamespace.ToDisplayString().StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal);

    private LoggerChoice ForHandler(SyntaxNode handler, ParameterListSyntax parameterList, ExpressionSyntax at)
    {
        var taken = parameterList.Parameters.Select(p => p.Identifier.ValueText)
            .Concat(_model.LookupSymbols(at.SpanStart).Where(s => s is ILocalSymbol or IParameterSymbol).Select(s => s.Name));
        var (typeText, factory) = LoggerTypeFor(at);
        var name = FreeName(factory ? new[] { "loggerFactory", "errorLoggerFactory" } : new[] { "logger", "errorLogger" }, taken);
        var expression = factory ? $"{name}.CreateLogger(\"{CategoryName(at)}\")" : name;
        return new LoggerChoice(LoggingApi.MicrosoftExtensions, expression, InjectionKind.HandlerParameter, handler, typeText, parameterName: name);
    }

    /// <summary><c>HttpContext</c> in scope (a parameter or local, or the <c>HttpContext</c> of a context object such as ExceptionContext).</summary>
    private LoggerChoice? FromRequestServices(ExpressionSyntax at)
    {
        var httpContext = _model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
        if (httpContext is null)
            return null;
        string? contextExpression = null;
        var enclosing = _model.GetEnclosingSymbol(at.SpanStart, _cancellationToken);
        var staticContext = LoggerLocator.IsStaticContext(_model, at, _cancellationToken);
        foreach (var symbol in _model.LookupSymbols(at.SpanStart).Where(s => s is ILocalSymbol or IParameterSymbol).OrderBy(s => s.Name, System.StringComparer.Ordinal))
        {
            if (!LoggerLocator.IsReachable(symbol, enclosing, staticContext))
                continue;
            var type = symbol is ILocalSymbol l ? l.Type : ((IParameterSymbol)symbol).Type;
            if (symbol is ILocalSymbol local && local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.End > at.SpanStart)
                continue;
            if (TypeRelations.IsOrInherits(type, httpContext))
            {
                contextExpression = symbol.Name;
                break;
            }
            if (contextExpression is null && HasHttpContextProperty(type, httpContext))
                contextExpression = symbol.Name + ".HttpContext";
        }
        if (contextExpression is null)
            return null;
        var (typeText, factory) = LoggerTypeFor(at);
        var expression = factory
            ? $"{contextExpression}.RequestServices.GetRequiredService<{typeText}>().CreateLogger(\"{CategoryName(at)}\")"
            : $"{contextExpression}.RequestServices.GetRequiredService<{typeText}>()";
        return new LoggerChoice(LoggingApi.MicrosoftExtensions, expression, requiredNamespace: "Microsoft.Extensions.DependencyInjection");
    }

    /// <summary>ExceptionContext, ProblemDetailsContext, ActionContext...: an instance HttpContext property, possibly inherited.</summary>
    private static bool HasHttpContextProperty(ITypeSymbol type, INamedTypeSymbol httpContext)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetMembers("HttpContext").OfType<IPropertySymbol>().Any(p => !p.IsStatic && TypeRelations.IsOrInherits(p.Type, httpContext)))
                return true;
        }
        return false;
    }

    /// <summary>ILogger&lt;EnclosingType&gt;, or ILoggerFactory when the enclosing type is static (not a valid type argument).</summary>
    private (string TypeText, bool Factory) LoggerTypeFor(ExpressionSyntax at)
    {
        var type = _model.GetEnclosingSymbol(at.SpanStart, _cancellationToken)?.ContainingType;
        if (type is null || type.IsStatic)
            return (LoggerFactory, true);
        var declaration = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_cancellationToken)).OfType<ClassDeclarationSyntax>().FirstOrDefault();
        var name = declaration is null ? type.Name : TypeSyntaxText(declaration);
        return ($"Microsoft.Extensions.Logging.ILogger<{name}>", false);
    }

    private string CategoryName(ExpressionSyntax at) =>
        _model.GetEnclosingSymbol(at.SpanStart, _cancellationToken)?.ContainingType?.ToDisplayString() ?? "Errors";

    private static string TypeSyntaxText(TypeDeclarationSyntax declaration) =>
        declaration.TypeParameterList is { } parameters
            ? declaration.Identifier.ValueText + "<" + string.Join(", ", parameters.Parameters.Select(p => p.Identifier.ValueText)) + ">"
            : declaration.Identifier.ValueText;

    public static string FreeName(IEnumerable<string> preferred, IEnumerable<string> taken)
    {
        var set = new HashSet<string>(taken);
        var list = preferred.ToList();
        foreach (var name in list)
        {
            if (!set.Contains(name))
                return name;
        }
        for (var i = 2; ; i++)
        {
            var name = list[0] + i;
            if (!set.Contains(name))
                return name;
        }
    }
}
