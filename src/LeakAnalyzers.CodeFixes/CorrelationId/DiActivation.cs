using System.Linq;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Which classes ASP.NET Core creates through dependency injection, so a constructor parameter gets a logger:
/// controllers, Razor pages, view components, hubs, filters, exception handlers, IMiddleware, endpoint filters,
/// conventional middleware (Invoke/InvokeAsync(HttpContext)), gRPC services and interceptors.
/// Attributes are not: MVC instantiates filter attributes itself.
/// </summary>
internal static class DiActivation
{
    private static readonly string[] BaseTypes =
    {
        "Microsoft.AspNetCore.Mvc.ControllerBase",
        "Microsoft.AspNetCore.Mvc.RazorPages.PageModel",
        "Microsoft.AspNetCore.Mvc.ViewComponent",
        "Microsoft.AspNetCore.SignalR.Hub",
        "Grpc.Core.Interceptors.Interceptor",
        "Microsoft.AspNetCore.Http.IMiddleware",
        "Microsoft.AspNetCore.Diagnostics.IExceptionHandler",
        "Microsoft.AspNetCore.Mvc.Filters.IFilterMetadata",
        "Microsoft.AspNetCore.Http.IEndpointFilter",
        "Microsoft.AspNetCore.Http.IProblemDetailsWriter",
    };

    private const string HttpContext = "Microsoft.AspNetCore.Http.HttpContext";
    private const string ServerCallContext = "Grpc.Core.ServerCallContext";

    public static bool IsDiActivated(INamedTypeSymbol type, Compilation compilation)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsAbstract)
            return false;
        if (TypeRelations.IsOrInherits(type, compilation.GetTypeByMetadataName("System.Attribute")))
            return false;
        foreach (var name in BaseTypes)
        {
            if (TypeRelations.IsOrInherits(type, compilation.GetTypeByMetadataName(name)))
                return true;
        }
        var httpContext = compilation.GetTypeByMetadataName(HttpContext);
        var serverCallContext = compilation.GetTypeByMetadataName(ServerCallContext);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (method.IsStatic || method.Parameters.Length == 0)
                continue;
            var isMiddleware = method.Name is "Invoke" or "InvokeAsync"
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, httpContext);
            var isGrpcService = serverCallContext is not null
                && method.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, serverCallContext));
            if (isMiddleware || isGrpcService)
                return true;
        }
        return false;
    }
}
