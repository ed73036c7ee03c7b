using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// The framework types that make a piece of code an error handler (LEAK003): middleware, gRPC interceptors,
/// exception filters, <c>IExceptionHandler</c>, <c>UseExceptionHandler</c>, endpoints. Resolved once per compilation;
/// every member is null when the compilation does not reference that framework.
/// </summary>
internal sealed class ErrorHandlerSymbols
{
    private ErrorHandlerSymbols(Compilation c)
    {
        HttpContext = KnownTypes.Find(c, "Microsoft.AspNetCore.Http.HttpContext");
        HttpRequest = KnownTypes.Find(c, "Microsoft.AspNetCore.Http.HttpRequest");
        HttpResponse = KnownTypes.Find(c, "Microsoft.AspNetCore.Http.HttpResponse");
        NextDelegates = Resolve(c,
            "Microsoft.AspNetCore.Http.RequestDelegate",
            "Microsoft.AspNetCore.Http.EndpointFilterDelegate");
        HttpRequestJsonExtensions = KnownTypes.Find(c, "Microsoft.AspNetCore.Http.HttpRequestJsonExtensions");
        MvcExceptionContext = KnownTypes.Find(c, "Microsoft.AspNetCore.Mvc.Filters.ExceptionContext");
        MvcExceptionFilter = KnownTypes.Find(c, "Microsoft.AspNetCore.Mvc.Filters.IExceptionFilter");
        MvcAsyncExceptionFilter = KnownTypes.Find(c, "Microsoft.AspNetCore.Mvc.Filters.IAsyncExceptionFilter");
        MvcExceptionFilterAttribute = KnownTypes.Find(c, "Microsoft.AspNetCore.Mvc.Filters.ExceptionFilterAttribute");
        WebApiExceptionFilterAttribute = KnownTypes.Find(c, "System.Web.Http.Filters.ExceptionFilterAttribute");
        WebApiActionExecutedContext = KnownTypes.Find(c, "System.Web.Http.Filters.HttpActionExecutedContext");
        ExceptionHandler = KnownTypes.Find(c, "Microsoft.AspNetCore.Diagnostics.IExceptionHandler");
        ExceptionHandlerFeature = KnownTypes.Find(c, "Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature");
        ExceptionHandlerExtensions = KnownTypes.Find(c, "Microsoft.AspNetCore.Builder.ExceptionHandlerExtensions");
        ExceptionHandlerOptions = KnownTypes.Find(c, "Microsoft.AspNetCore.Builder.ExceptionHandlerOptions");
        Interceptor = KnownTypes.Find(c, "Grpc.Core.Interceptors.Interceptor");
        ExceptionDispatchInfo = KnownTypes.Find(c, "System.Runtime.ExceptionServices.ExceptionDispatchInfo");
        EndpointRouteBuilderExtensions = KnownTypes.Find(c, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        EndpointBaseTypes = Resolve(c,
            "Microsoft.AspNetCore.Mvc.ControllerBase",
            "Microsoft.AspNetCore.Mvc.RazorPages.PageModel",
            "System.Web.Http.ApiController",
            "System.Web.Mvc.Controller");
    }

    public INamedTypeSymbol? HttpContext { get; }
    public INamedTypeSymbol? HttpRequest { get; }
    public INamedTypeSymbol? HttpResponse { get; }
    /// <summary>"Next" delegates that let exceptions propagate: middleware's and endpoint filters'.</summary>
    public ImmutableArray<INamedTypeSymbol> NextDelegates { get; }
    public INamedTypeSymbol? HttpRequestJsonExtensions { get; }
    public INamedTypeSymbol? MvcExceptionContext { get; }
    public INamedTypeSymbol? MvcExceptionFilter { get; }
    public INamedTypeSymbol? MvcAsyncExceptionFilter { get; }
    public INamedTypeSymbol? MvcExceptionFilterAttribute { get; }
    public INamedTypeSymbol? WebApiExceptionFilterAttribute { get; }
    public INamedTypeSymbol? WebApiActionExecutedContext { get; }
    public INamedTypeSymbol? ExceptionHandler { get; }
    public INamedTypeSymbol? ExceptionHandlerFeature { get; }
    public INamedTypeSymbol? ExceptionHandlerExtensions { get; }
    public INamedTypeSymbol? ExceptionHandlerOptions { get; }
    public INamedTypeSymbol? Interceptor { get; }
    public INamedTypeSymbol? ExceptionDispatchInfo { get; }
    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }
    /// <summary>Classes whose public instance methods are endpoints (controllers, page models).</summary>
    public ImmutableArray<INamedTypeSymbol> EndpointBaseTypes { get; }

    /// <summary>No web or gRPC framework at all: nothing can be an HTTP error handler.</summary>
    public bool IsEmpty => HttpContext is null && Interceptor is null && EndpointBaseTypes.IsEmpty && WebApiExceptionFilterAttribute is null;

    public static ErrorHandlerSymbols Create(Compilation compilation) => new(compilation);

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, params string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in names)
        {
            if (KnownTypes.Find(compilation, name) is { } type)
                builder.Add(type);
        }
        return builder.ToImmutable();
    }
}
