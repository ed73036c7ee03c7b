using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// An error page for <c>UseExceptionHandler("/error")</c>: it reads the handled exception from the exception handler
/// feature through a property of its own, with no catch clause and no exception parameter in sight.
/// </summary>
[ApiController]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorPageController : ControllerBase
{
    private string FailureDetail => HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error.Message ?? "Unknown error";

    [Route("/error-page")]
    public IActionResult Error() => Problem(title: "The request failed.", detail: FailureDetail); // expect: LEAK001
}
