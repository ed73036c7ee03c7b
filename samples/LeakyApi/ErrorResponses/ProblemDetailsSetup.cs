namespace LeakyApi.ErrorResponses;

/// <summary>
/// ProblemDetails customisation applied to every problem response (including the exception handler's): adds the
/// trace id, and - the leak - the exception type name.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddCustomProblemDetails(this IServiceCollection services)
    {
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance = context.HttpContext.Request.Path;
            if (context.Exception is { } error)
                context.ProblemDetails.Extensions["exceptionType"] = error.GetType().Name; // expect: LEAK001

            // Clean: the whole exception only in Development.
            var environment = context.HttpContext.RequestServices.GetRequiredService<IHostEnvironment>();
            if (environment.IsDevelopment() && context.Exception is not null)
                context.ProblemDetails.Extensions["exception"] = context.Exception.ToString();
        });
    }
}
