using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Rules.CatchAll;

/// <summary>
/// Which deliberate errors can reach each kind of handler. Middleware and filters see everything the framework and
/// the project raise; <c>UseExceptionHandler</c> and <c>IExceptionHandler</c> run after the framework has already set
/// aborted requests aside; interceptors see gRPC's <c>RpcException</c>; Web API 2 filters never see
/// <c>HttpResponseException</c> (Web API answers it before filters run); endpoints see what their try visibly raises.
/// </summary>
internal static class VisibleDeliberateErrors
{
    public static List<INamedTypeSymbol> For(HandlerKind kind, DeliberateErrorTypes types, ImmutableArray<INamedTypeSymbol> extra)
    {
        var visible = new List<INamedTypeSymbol>();
        switch (kind)
        {
            case HandlerKind.Interceptor:
                if (types.RpcException is { } rpc)
                    visible.Add(rpc);
                return visible;
            case HandlerKind.WebApiExceptionFilter:
                visible.AddRange(types.ProjectTypes);
                visible.AddRange(extra);
                return visible;
            case HandlerKind.Middleware:
            case HandlerKind.ExceptionFilter:
            case HandlerKind.ExceptionHandler:
            case HandlerKind.ExceptionHandlerDelegate:
                if (types.BadHttpRequest is { } badRequest)
                    visible.Add(badRequest);
                visible.AddRange(types.ProjectTypes);
                visible.AddRange(extra);
                if (kind is HandlerKind.Middleware or HandlerKind.ExceptionFilter)
                    visible.Add(types.OperationCanceled);
                return visible;
            default:
                return visible;
        }
    }
}
