namespace LeakAnalyzers.Rules.CatchAll;

/// <summary>The kinds of code that can turn a deliberate HTTP error into a 500 (LEAK003).</summary>
internal enum HandlerKind
{
    None,
    /// <summary>A middleware class's Invoke/InvokeAsync, an <c>app.Use</c> lambda or an endpoint filter, around the next delegate.</summary>
    Middleware,
    /// <summary>A gRPC <c>Interceptor</c> override, around the continuation.</summary>
    Interceptor,
    /// <summary>A controller action, page handler or minimal-API handler.</summary>
    Endpoint,
    /// <summary>MVC <c>IExceptionFilter</c>/<c>IAsyncExceptionFilter</c>/<c>ExceptionFilterAttribute</c>, Web API 2 filter attributes.</summary>
    ExceptionFilter,
    /// <summary>Web API 2 <c>ExceptionFilterAttribute</c> overrides (HttpResponseException never reaches them).</summary>
    WebApiExceptionFilter,
    /// <summary><c>IExceptionHandler.TryHandleAsync</c>.</summary>
    ExceptionHandler,
    /// <summary>A request delegate given to <c>UseExceptionHandler</c>.</summary>
    ExceptionHandlerDelegate,
}
