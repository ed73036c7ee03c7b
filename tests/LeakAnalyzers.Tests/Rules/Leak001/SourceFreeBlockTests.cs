using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// A block in which nothing can produce exception or database data leaves its locals clean without evaluating their
/// writes. These pin every way data can still get into such a block's locals: each must keep the block from being
/// judged source-free. The inner blocks here hold no exception-typed expression of their own.
/// </summary>
public class SourceFreeBlockTests
{
    private static Task Verify(string members) => Verifier.DiagnosticsAsync($$"""
        using Microsoft.AspNetCore.Mvc;
        public class OrdersController : ControllerBase
        {
            private static string Fetch() => "data";
            private static string Describe() { try { return Fetch(); } catch (Exception ex) { return ex.Message; } }
            private static string Wrap(string value) { if (value.Length > 0) { var copy = value; return copy; } return ""; }
            {{members}}
        }
        """);

    [Fact]
    public Task A_local_declared_outside_the_block() =>
        Verify("public IActionResult Get(Exception error, bool flag) { var message = error.Message; if (flag) { var text = message; return Ok([|text|]); } return Ok(); }");

    [Fact]
    public Task A_helper_that_catches_and_returns_the_message() =>
        Verify("public IActionResult Get(bool flag) { if (flag) { var text = Describe(); return Ok([|text|]); } return Ok(); }");

    [Fact]
    public Task A_local_function_declared_outside_the_block() =>
        Verify("public IActionResult Get(Exception error, bool flag) { if (flag) { var text = Message(); return Ok([|text|]); } return Ok(); string Message() => error.Message; }");

    [Fact]
    public Task A_lambda_held_in_an_outer_local() =>
        Verify("public IActionResult Get(Exception error, bool flag) { Func<string> read = () => error.StackTrace; if (flag) { var text = read(); return Ok([|text|]); } return Ok(); }");

    [Fact]
    public Task An_exception_typed_property() =>
        Verify("public IActionResult Get(bool flag) { if (flag) { var text = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error.Message; return Ok([|text|]); } return Ok(); }");

    [Fact]
    public Task A_bound_parameter_in_a_helper_body() =>
        Verify("public IActionResult Get() { try { return Ok(); } catch (Exception ex) { var text = Wrap(ex.Message); return Ok([|text|]); } }");

    [Fact]
    public Task A_database_member_read_by_name() =>
        Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Npgsql;
            public class ReportsController : ControllerBase
            {
                public IActionResult Query(NpgsqlConnection connection, bool flag)
                {
                    if (flag) { var text = connection.ConnectionString; return Ok({|LEAK002:text|}); }
                    return Ok();
                }
            }
            """);

    [Fact]
    public Task A_helper_sink_parameter_written_through_an_inner_local() =>
        Verifier.DiagnosticsAsync("""
            public class ErrorMiddleware(RequestDelegate next)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try { await next(context); }
                    catch (Exception ex) { await WriteAsync(context, [|ex.Message|]); }
                }

                private static Task WriteAsync(HttpContext context, string message)
                {
                    if (message.Length > 0) { var body = message; return context.Response.WriteAsync(body); }
                    return Task.CompletedTask;
                }
            }
            """);

    /// <summary>
    /// The scan does not judge conditionals, coalescing, conditional access and conversions by their own type (they are
    /// never sources themselves): the exception inside them is still found, as an operand.
    /// </summary>
    [Theory]
    [InlineData("var text = (flag ? HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error : null)?.Message ?? \"none\";")]
    [InlineData("object boxed = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()!.Error; var text = boxed.ToString();")]
    public Task An_exception_inside_structural_operations(string statements) =>
        Verify("public IActionResult Get(bool flag) { if (flag) { " + statements + " return Ok([|text|]); } return Ok(); }");

    [Fact]
    public Task Locals_of_a_block_without_sources_stay_clean_next_to_a_catch() =>
        Verify("public IActionResult Get(bool flag) { try { if (flag) { var item = Fetch(); var copy = item + \"!\"; return Ok(copy); } return Ok(); } catch (Exception ex) { return Problem(\"failed\"); } }");
}
