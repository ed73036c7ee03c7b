using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>LEAK003 in <c>IExceptionHandler.TryHandleAsync</c> and <c>UseExceptionHandler</c> delegates.</summary>
public class ExceptionHandlerTests
{
    [Fact]
    public async Task Try_handle_returning_true_for_everything_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public async ValueTask<bool> [|TryHandleAsync|](HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = 500;
                    await httpContext.Response.WriteAsJsonAsync(new { error = "Internal error" }, cancellationToken);
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Explicit_try_handle_returning_true_for_everything_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                async ValueTask<bool> IExceptionHandler.[|TryHandleAsync|](HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = 503;
                    await httpContext.Response.WriteAsync("Try again later.", cancellationToken);
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Explicit_implementation_of_another_interface_is_not_a_handler()
    {
        await Verifier.DiagnosticsAsync("""
            public interface IResponder
            {
                ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken);
            }

            public sealed class Responder : IResponder
            {
                ValueTask<bool> IResponder.TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = 500;
                    return ValueTask.FromResult(true);
                }
            }
            """);
    }

    [Fact]
    public async Task Try_handle_returning_false_for_deliberate_errors_passes()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is BadHttpRequestException)
                        return false;
                    httpContext.Response.StatusCode = 500;
                    await httpContext.Response.WriteAsJsonAsync(new { error = "Internal error" }, cancellationToken);
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Non_async_try_handle_returning_value_task_false_passes()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is not BadHttpRequestException)
                    {
                        httpContext.Response.StatusCode = 500;
                        return ValueTask.FromResult(true);
                    }
                    return ValueTask.FromResult(false);
                }
            }
            """);
    }

    [Fact]
    public async Task Try_handle_returning_false_on_another_condition_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public ValueTask<bool> [|TryHandleAsync|](HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is TimeoutException)
                        return ValueTask.FromResult(false);
                    httpContext.Response.StatusCode = 500;
                    return ValueTask.FromResult(true);
                }
            }
            """);
    }

    [Fact]
    public async Task Use_exception_handler_delegate_answering_500_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.UseExceptionHandler(errorApp => errorApp.Run([|async context =>|]
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("Something went wrong");
            }));
            app.Run();
            """);
    }

    [Fact]
    public async Task Use_exception_handler_delegate_mapping_status_passes()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            var app = WebApplication.Create();
            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                context.Response.StatusCode = error is BadHttpRequestException bad ? bad.StatusCode : 500;
                await context.Response.WriteAsync("Something went wrong");
            }));
            app.Run();
            """);
    }

    [Fact]
    public async Task Exception_handler_options_delegate_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = [|context =>|]
                {
                    context.Response.StatusCode = 500;
                    return Task.CompletedTask;
                },
            });
            app.Run();
            """);
    }

    /// <summary>The handler's parameter written with its type in parentheses, and an anonymous method: the same handler.</summary>
    [Fact]
    public async Task Exception_handler_delegates_with_typed_parameter_are_reported()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = [|(HttpContext context) =>|]
                {
                    context.Response.StatusCode = 500;
                    return Task.CompletedTask;
                },
            });
            app.UseExceptionHandler(errorApp => errorApp.Run([|delegate (HttpContext context)|]
            {
                context.Response.StatusCode = 500;
                return Task.CompletedTask;
            }));
            app.Run();
            """);
    }

    [Fact]
    public async Task Ordinary_run_delegate_is_not_an_exception_handler()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.Run(async context =>
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("down for maintenance");
            });
            """);
    }
}
