using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>Development guards are path-sensitive: only the Development path may show details.</summary>
public class DevelopmentGuardTests
{
    private static Task Verify(string catchBody, string? editorConfig = null) => Verifier.DiagnosticsAsync($$"""
        using Microsoft.AspNetCore.Mvc;
        public class OrdersController : ControllerBase
        {
            private readonly IWebHostEnvironment _env;
            public OrdersController(IWebHostEnvironment env) => _env = env;

            public IActionResult Get()
            {
                try { return Ok(); }
                catch (Exception ex)
                {
                    {{catchBody}}
                }
            }
        }
        """, editorConfig);

    [Theory]
    [InlineData("if (_env.IsDevelopment()) return Problem(ex.ToString()); return Problem(\"Failed\");")]
    [InlineData("if (!_env.IsDevelopment()) return Problem(\"Failed\"); else return Problem(ex.ToString());")]
    [InlineData("if (!_env.IsDevelopment()) return Problem(\"Failed\"); return Problem(ex.ToString());")]
    [InlineData("if (!_env.IsDevelopment()) { throw; } return Problem(ex.StackTrace);")]
    [InlineData("return Problem(_env.IsDevelopment() ? ex.ToString() : \"Failed\");")]
    [InlineData("return Problem(!_env.IsDevelopment() ? \"Failed\" : ex.ToString());")]
    [InlineData("if (_env.IsEnvironment(\"Development\")) return Problem(ex.ToString()); return Problem(\"Failed\");")]
    [InlineData("if (_env.EnvironmentName == \"Development\") return Problem(ex.ToString()); return Problem(\"Failed\");")]
    [InlineData("if (_env.EnvironmentName == Environments.Development) return Problem(ex.ToString()); return Problem(\"Failed\");")]
    [InlineData("var isDev = _env.IsDevelopment(); if (isDev) return Problem(ex.ToString()); return Problem(\"Failed\");")]
    [InlineData("if (_env.IsDevelopment() && ex is not TimeoutException) return Problem(ex.ToString()); return Problem(\"Failed\");")]
    [InlineData("var detail = \"Failed\"; if (_env.IsDevelopment()) detail = ex.ToString(); return Problem(detail);")]
    [InlineData("var body = new { error = \"Failed\", trace = _env.IsDevelopment() ? ex.StackTrace : null }; return StatusCode(500, body);")]
    [InlineData("switch (_env.EnvironmentName) { case \"Development\": return Problem(ex.ToString()); default: return Problem(\"Failed\"); }")]
    [InlineData("return Problem(_env.EnvironmentName switch { \"Development\" => ex.ToString(), _ => \"Failed\" });")]
    public async Task Development_only_details_are_not_reported(string catchBody)
    {
        await Verify(catchBody);
    }

    [Theory]
    [InlineData("if (_env.IsProduction()) return Problem(\"Failed\"); else return Problem([|ex.ToString()|]);")]
    [InlineData("if (_env.IsDevelopment()) { } return Problem([|ex.ToString()|]);")]
    [InlineData("var detail = _env.IsDevelopment() ? ex.ToString() : ex.Message; return Problem([|detail|]);")]
    [InlineData("return StatusCode(500, [|new { message = ex.Message, trace = _env.IsDevelopment() ? ex.StackTrace : null }|]);")]
    [InlineData("if (_env.IsDevelopment() || DateTime.Now.Second > 3) return Problem([|ex.ToString()|]); return Problem(\"Failed\");")]
    [InlineData("if (_env.IsStaging()) return Problem([|ex.ToString()|]); return Problem(\"Failed\");")]
    [InlineData("switch (_env.EnvironmentName) { case \"Development\": return Problem(\"Failed\"); default: return Problem([|ex.ToString()|]); }")]
    [InlineData("return Problem([|_env.EnvironmentName switch { \"Staging\" => ex.ToString(), _ => \"Failed\" }|]);")]
    public async Task Non_development_paths_are_reported(string catchBody)
    {
        await Verify(catchBody);
    }

    [Fact]
    public async Task Catch_filtered_on_development()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController(IHostEnvironment env) : ControllerBase
            {
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (Exception ex) when (env.IsDevelopment()) { return Problem(ex.ToString()); }
                    catch (Exception ex) { return Problem([|ex.Message|]); }
                }
            }
            """);
    }

    [Fact]
    public async Task Guarded_details_are_reported_when_allow_in_development_is_false()
    {
        await Verify("if (_env.IsDevelopment()) return Problem([|ex.ToString()|]); return Problem(\"Failed\");",
            "dotnet_code_quality.LEAK001.allow_in_development = false");
    }

    private static Task VerifyFlag(string fields, string constructors, string send) => Verifier.DiagnosticsAsync($$"""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        public class ErrorMiddleware
        {
            private readonly RequestDelegate _next;
            {{fields}}
            {{constructors}}
            public async Task InvokeAsync(HttpContext context)
            {
                try { await _next(context); }
                catch (Exception ex) { await context.Response.WriteAsJsonAsync({{send}}); }
            }
        }
        """);

    [Theory]
    [InlineData("private readonly bool _isDevelopment;", "public ErrorMiddleware(RequestDelegate next, IWebHostEnvironment env) { _next = next; _isDevelopment = env.IsDevelopment(); }", "_isDevelopment")]
    [InlineData("private readonly bool _hideDetails;", "public ErrorMiddleware(RequestDelegate next, IWebHostEnvironment env) { _next = next; this._hideDetails = !env.IsDevelopment(); }", "!_hideDetails")]
    [InlineData("private readonly bool _isDevelopment;", "public ErrorMiddleware(RequestDelegate next, IHostEnvironment env) { _next = next; _isDevelopment = env.EnvironmentName == \"Development\"; }", "_isDevelopment == true")]
    public Task A_readonly_flag_set_from_the_environment_guards(string fields, string constructors, string condition) =>
        VerifyFlag(fields, constructors, $$"""new { error = "Internal error", detail = {{condition}} ? ex.ToString() : null }""");

    [Theory]
    // A flag another value can set, a flag of another environment, a flag one constructor sets to true.
    [InlineData("private bool _isDevelopment;", "public ErrorMiddleware(RequestDelegate next, IWebHostEnvironment env) { _next = next; _isDevelopment = env.IsDevelopment(); } public void Enable() => _isDevelopment = true;")]
    [InlineData("private readonly bool _isDevelopment;", "public ErrorMiddleware(RequestDelegate next, IWebHostEnvironment env) { _next = next; _isDevelopment = !env.IsProduction(); }")]
    [InlineData("private readonly bool _isDevelopment;", "public ErrorMiddleware(RequestDelegate next, IWebHostEnvironment env) { _next = next; _isDevelopment = env.IsDevelopment(); } public ErrorMiddleware(RequestDelegate next) { _next = next; _isDevelopment = true; }")]
    [InlineData("private readonly bool _isDevelopment;", "public ErrorMiddleware(RequestDelegate next, IConfiguration config) { _next = next; _isDevelopment = config.GetValue<bool>(\"ShowErrors\"); }")]
    [InlineData("private readonly bool _isDevelopment;", "public ErrorMiddleware(RequestDelegate next, IWebHostEnvironment env, IConfiguration config) { _next = next; _isDevelopment = env.IsDevelopment() || config.GetValue<bool>(\"ShowErrors\"); }")]
    public Task Other_flags_do_not_guard(string fields, string constructors) =>
        VerifyFlag(fields, constructors, """[|new { error = "Internal error", detail = _isDevelopment ? ex.ToString() : null }|]""");
}
