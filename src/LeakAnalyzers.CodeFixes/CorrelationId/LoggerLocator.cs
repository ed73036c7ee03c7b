using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Finds a logger already reachable at the leak: a local, parameter (also primary-constructor), field or property of
/// a logger type, <c>app.Logger</c> of a WebApplication, or Serilog's static <c>Log</c> when the file imports it.
/// Microsoft.Extensions.Logging first, then Serilog, NLog, log4net.
/// </summary>
internal static class LoggerLocator
{
    private const string WebApplication = "Microsoft.AspNetCore.Builder.WebApplication";

    public static LoggerChoice? Find(SemanticModel model, ExpressionSyntax at, CancellationToken cancellationToken)
    {
        var position = at.SpanStart;
        var compilation = model.Compilation;
        var staticContext = IsStaticContext(model, at, cancellationToken);
        var candidates = new List<(int Rank, string Name, LoggerChoice Choice)>();
        var webApplication = compilation.GetTypeByMetadataName(WebApplication);
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (type, kindRank) = symbol switch
            {
                ILocalSymbol l when DeclaredBefore(l, position, cancellationToken) && IsReachable(l, enclosing, staticContext) => (l.Type, 0),
                IParameterSymbol p when IsReachable(p, enclosing, staticContext) => (p.Type, 1),
                IFieldSymbol f when !f.IsImplicitlyDeclared && (f.IsStatic || !staticContext) => (f.Type, 2),
                IPropertySymbol p when !p.IsIndexer && (p.IsStatic || !staticContext) => (p.Type, 3),
                _ => (null, 0),
            };
            if (type is null)
                continue;
            for (var apiRank = 0; apiRank < LoggingApi.All.Length; apiRank++)
            {
                var api = LoggingApi.All[apiRank];
                if (api.IsLoggerType(type, compilation))
                {
                    candidates.Add((apiRank * 10 + kindRank, symbol.Name, new LoggerChoice(api, symbol.Name)));
                    break;
                }
            }
            if (webApplication is not null && TypeRelations.IsOrInherits(type, webApplication))
                candidates.Add((5, symbol.Name, new LoggerChoice(LoggingApi.MicrosoftExtensions, symbol.Name + ".Logger")));
        }
        var serilogLog = compilation.GetTypeByMetadataName("Serilog.Log");
        if (serilogLog is not null && model.LookupNamespacesAndTypes(position, name: "Log").Any(s => SymbolEqualityComparer.Default.Equals(s, serilogLog)))
            candidates.Add((15, "Log", new LoggerChoice(LoggingApi.Serilog, "Log")));
        return candidates
            .OrderBy(c => c.Rank)
            .ThenBy(c => c.Name, System.StringComparer.Ordinal)
            .Select(c => c.Choice)
            .FirstOrDefault();
    }

    /// <summary>
    /// Lookup also returns top-level-statement locals inside other classes of Program.cs (CS8801) and parameters of
    /// unrelated members: a local or parameter is usable only from its own method or a lambda/local function in it;
    /// a primary-constructor parameter from the instance members of its type.
    /// </summary>
    public static bool IsReachable(ISymbol symbol, ISymbol? enclosing, bool staticContext)
    {
        var owner = symbol.ContainingSymbol;
        for (var s = enclosing; s is not null; s = s.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(s, owner))
                return true;
            if (s is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                break;
        }
        return !staticContext && symbol is IParameterSymbol && owner is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && enclosing is not null && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, ContainingType(enclosing));
    }

    private static INamedTypeSymbol? ContainingType(ISymbol symbol) =>
        symbol as INamedTypeSymbol ?? symbol.ContainingType;

    private static bool DeclaredBefore(ILocalSymbol local, int position, CancellationToken cancellationToken) =>
        local.DeclaringSyntaxReferences.FirstOrDefault() is { } reference && reference.Span.End <= position;

    /// <summary>Instance members are out of reach in static methods, static lambdas and static local functions.</summary>
    public static bool IsStaticContext(SemanticModel model, SyntaxNode at, CancellationToken cancellationToken)
    {
        foreach (var ancestor in at.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.StaticKeyword):
                    return true;
                case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax:
                    return model.GetDeclaredSymbol(ancestor, cancellationToken)?.IsStatic ?? true;
                case CompilationUnitSyntax:
                    return true;
            }
        }
        return true;
    }
}
