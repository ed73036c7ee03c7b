namespace LeakAnalyzers.Knowledge;

/// <summary>How a value reaches the client through a catalogue entry.</summary>
internal enum ResponseSinkKind
{
    /// <summary>Arguments of the named methods (static, instance or extension).</summary>
    Method,
    /// <summary>Arguments of the type's constructors (and of derived types' constructors when <c>IncludeDerived</c>).</summary>
    Constructor,
    /// <summary>Values assigned to the named properties (statements and object initializers).</summary>
    PropertySet,
    /// <summary>
    /// Anything written through the named property: indexer and member sets, <c>Add</c>/<c>Append</c>/<c>Write*</c> calls
    /// (<c>Response.Headers[...] =</c>, <c>ProblemDetails.Extensions</c>, <c>ViewData</c>, <c>Response.Body.WriteAsync</c>).
    /// </summary>
    WriteThroughProperty,
}

/// <summary>One row of the response-boundary catalogue. <c>Members</c> and <c>Parameters</c> are space-separated;
/// "*" means every member; null parameters means every argument.</summary>
internal sealed record ResponseSinkEntry(ResponseSinkKind Kind, string TypeName, string Members, string? Parameters = null, bool IncludeDerived = false);

/// <summary>
/// The response boundary of ASP.NET Core, SignalR, gRPC, ASP.NET Web API 2 and System.Web (rules.md, "Sinks"), as data.
/// Types absent from a compilation are simply skipped.
/// </summary>
internal static class ResponseSinkCatalogue
{
    private const string MvcHelpers = "Ok BadRequest NotFound Conflict UnprocessableEntity Unauthorized StatusCode Problem ValidationProblem Content Created CreatedAtAction CreatedAtRoute Accepted AcceptedAtAction AcceptedAtRoute";

    public static readonly ResponseSinkEntry[] Entries =
    {
        // MVC controllers and Razor Pages
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.Mvc.ControllerBase", MvcHelpers),
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.Mvc.Controller", "View PartialView Json ViewComponent"),
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel", MvcHelpers + " Partial Page"),
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary", "AddModelError TryAddModelError", "errorMessage"),
        new(ResponseSinkKind.WriteThroughProperty, "Microsoft.AspNetCore.Mvc.Controller", "ViewData ViewBag TempData"),
        new(ResponseSinkKind.WriteThroughProperty, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel", "ViewData TempData"),
        new(ResponseSinkKind.WriteThroughProperty, "Microsoft.AspNetCore.Mvc.ViewComponent", "ViewData ViewBag TempData"),

        // Result objects and ProblemDetails
        new(ResponseSinkKind.Constructor, "Microsoft.AspNetCore.Mvc.ObjectResult", "*", IncludeDerived: true),
        new(ResponseSinkKind.Constructor, "Microsoft.AspNetCore.Mvc.JsonResult", "*", "value"),
        new(ResponseSinkKind.PropertySet, "Microsoft.AspNetCore.Mvc.ObjectResult", "Value"),
        new(ResponseSinkKind.PropertySet, "Microsoft.AspNetCore.Mvc.JsonResult", "Value"),
        new(ResponseSinkKind.PropertySet, "Microsoft.AspNetCore.Mvc.ContentResult", "Content"),
        new(ResponseSinkKind.PropertySet, "Microsoft.AspNetCore.Mvc.ProblemDetails", "Title Detail Type Instance"),
        new(ResponseSinkKind.WriteThroughProperty, "Microsoft.AspNetCore.Mvc.ProblemDetails", "Extensions"),
        new(ResponseSinkKind.WriteThroughProperty, "Microsoft.AspNetCore.Http.HttpValidationProblemDetails", "Errors"),
        new(ResponseSinkKind.WriteThroughProperty, "Microsoft.AspNetCore.Mvc.ValidationProblemDetails", "Errors"),
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.Mvc.Infrastructure.ProblemDetailsFactory", "CreateProblemDetails CreateValidationProblemDetails", "title type detail instance"),

        // Minimal APIs
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.Http.Results", "*"),
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.Http.TypedResults", "*"),

        // HttpResponse
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions", "WriteAsync", "text"),
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions", "WriteAsJsonAsync", "value"),
        new(ResponseSinkKind.WriteThroughProperty, "Microsoft.AspNetCore.Http.HttpResponse", "Headers Body BodyWriter"),
        new(ResponseSinkKind.PropertySet, "Microsoft.AspNetCore.Http.Features.IHttpResponseFeature", "ReasonPhrase"),

        // SignalR
        new(ResponseSinkKind.Constructor, "Microsoft.AspNetCore.SignalR.HubException", "*", "message"),
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.SignalR.IClientProxy", "SendCoreAsync", "args"),
        new(ResponseSinkKind.Method, "Microsoft.AspNetCore.SignalR.ClientProxyExtensions", "SendAsync", "arg1 arg2 arg3 arg4 arg5 arg6 arg7 arg8 arg9 arg10"),

        // gRPC
        new(ResponseSinkKind.Constructor, "Grpc.Core.Status", "*", "detail"),
        new(ResponseSinkKind.Constructor, "Grpc.Core.RpcException", "*", "status trailers message"),
        new(ResponseSinkKind.PropertySet, "Grpc.Core.ServerCallContext", "Status"),
        new(ResponseSinkKind.WriteThroughProperty, "Grpc.Core.ServerCallContext", "ResponseTrailers"),
        new(ResponseSinkKind.Method, "Grpc.Core.ServerCallContext", "WriteResponseHeadersAsync"),

        // ASP.NET Web API 2 (System.Web.Http) and System.Net.Http responses
        new(ResponseSinkKind.Method, "System.Net.Http.HttpRequestMessageExtensions", "CreateResponse", "value"),
        new(ResponseSinkKind.Method, "System.Net.Http.HttpRequestMessageExtensions", "CreateErrorResponse", "message"),
        new(ResponseSinkKind.Method, "System.Web.Http.ApiController", "BadRequest", "message"),
        new(ResponseSinkKind.Method, "System.Web.Http.ApiController", "Ok Json", "content"),
        new(ResponseSinkKind.Method, "System.Web.Http.ApiController", "Content", "value"),
        new(ResponseSinkKind.PropertySet, "System.Net.Http.HttpResponseMessage", "Content ReasonPhrase"),

        // Classic System.Web / MVC 5
        new(ResponseSinkKind.Method, "System.Web.HttpResponse", "Write AddHeader AppendHeader"),
        new(ResponseSinkKind.PropertySet, "System.Web.HttpResponse", "StatusDescription"),
        new(ResponseSinkKind.Constructor, "System.Web.Mvc.HttpStatusCodeResult", "*", "statusDescription"),
        new(ResponseSinkKind.Method, "System.Web.Mvc.Controller", "Content", "content"),
        new(ResponseSinkKind.Method, "System.Web.Mvc.Controller", "Json", "data"),
        new(ResponseSinkKind.Method, "System.Web.Mvc.Controller", "View PartialView", "model"),
        new(ResponseSinkKind.WriteThroughProperty, "System.Web.Mvc.ControllerBase", "ViewData ViewBag TempData"),
        new(ResponseSinkKind.Method, "System.Web.Mvc.ModelStateDictionary", "AddModelError", "errorMessage"),
        new(ResponseSinkKind.Method, "System.Web.Http.ModelBinding.ModelStateDictionary", "AddModelError", "errorMessage"),
        new(ResponseSinkKind.PropertySet, "System.Web.Mvc.ContentResult", "Content"),
        new(ResponseSinkKind.PropertySet, "System.Web.Mvc.JsonResult", "Data"),
    };

    /// <summary>Web API 2 overloads that serialize an exception; they leak only when IncludeErrorDetailPolicy is Always.</summary>
    public static readonly ResponseSinkEntry[] ErrorDetailPolicyEntries =
    {
        new(ResponseSinkKind.Method, "System.Net.Http.HttpRequestMessageExtensions", "CreateErrorResponse", "exception"),
        new(ResponseSinkKind.Method, "System.Web.Http.ApiController", "InternalServerError", "exception"),
        // An exception added to Web API's model state is serialized with the model state (BadRequest(ModelState)).
        new(ResponseSinkKind.Method, "System.Web.Http.ModelBinding.ModelStateDictionary", "AddModelError", "exception"),
    };

    /// <summary>Public properties of its subclasses are rendered by the page (<see cref="RenderedPageProperties"/>).</summary>
    public const string PageModelType = "Microsoft.AspNetCore.Mvc.RazorPages.PageModel";

    /// <summary>Properties carrying these attributes are rendered by a view or the next page.</summary>
    public const string TempDataAttributeType = "Microsoft.AspNetCore.Mvc.TempDataAttribute";
    public const string ViewDataAttributeType = "Microsoft.AspNetCore.Mvc.ViewDataAttribute";

    /// <summary>Classes whose public action methods return values to the client.</summary>
    public static readonly string[] EndpointBaseTypes =
    {
        "Microsoft.AspNetCore.Mvc.ControllerBase",
        "Microsoft.AspNetCore.Mvc.RazorPages.PageModel",
        "Microsoft.AspNetCore.SignalR.Hub",
        "Microsoft.AspNetCore.SignalR.Hub`1",
        "System.Web.Http.ApiController",
        "System.Web.Mvc.Controller",
    };

    /// <summary>
    /// SignalR's strongly typed client proxies: a call on the <c>T</c> that <c>Clients.Caller</c>, <c>Clients.All</c>,
    /// <c>Clients.Group(...)</c> return sends its arguments to the client (<c>Clients.Caller.ReceiveError(message)</c>).
    /// </summary>
    public static readonly string[] TypedHubClientSources =
    {
        "Microsoft.AspNetCore.SignalR.IHubClients`1",
        "Microsoft.AspNetCore.SignalR.IHubCallerClients`1",
    };

    /// <summary>Static classes whose Map* methods take minimal-API route handlers.</summary>
    public static readonly string[] RouteHandlerBuilders =
    {
        "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions",
        "Microsoft.AspNetCore.Builder.FallbackEndpointRouteBuilderExtensions",
    };
}
