using System;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>
/// ASP.NET Core's Startup conventions pick members by environment name: <c>ConfigureDevelopment</c> and
/// <c>ConfigureDevelopmentServices</c> run instead of <c>Configure</c>/<c>ConfigureServices</c> only in Development, and
/// a <c>StartupDevelopment</c> class is chosen only in Development (<c>UseStartup(assemblyName)</c>). The host matches
/// these names case-insensitively, and so does this check.
/// </summary>
internal static class StartupConventions
{
    private const string Development = "Development";

    /// <summary>True when <paramref name="containingSymbol"/> (or the member around its lambdas) is a Development-only convention member.</summary>
    public static bool IsDevelopmentOnlyMember(ISymbol? containingSymbol)
    {
        var symbol = containingSymbol;
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            symbol = symbol.ContainingSymbol;
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
            && (string.Equals(method.Name, "Configure" + Development, StringComparison.OrdinalIgnoreCase)
                || string.Equals(method.Name, "Configure" + Development + "Services", StringComparison.OrdinalIgnoreCase)))
            return true;
        for (var type = symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (string.Equals(type.Name, "Startup" + Development, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
