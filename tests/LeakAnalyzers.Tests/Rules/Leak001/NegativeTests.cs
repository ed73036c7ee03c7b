using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>What LEAK001 must not report: the negatives that make a security analyzer trustworthy.</summary>
public class NegativeTests
{
    private static Task Verify(string catchClauses, string extra = "") => Verifier.DiagnosticsAsync($$"""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        public class OrdersController : ControllerBase
        {
            private readonly ILogger<OrdersController> _logger;
            public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

            public IActionResult Get()
            {
                try { return Ok(); }
                {{catchClauses}}
            }
        }

        public class DomainException : Exception { public DomainException(string m) : base(m) { } public string Code => "D1"; }
        public class NotFoundError : DomainException { public NotFoundError(string m) : base(m) { } }
        {{extra}}
        """);

    [Theory]
    [InlineData("catch (Exception ex) { _logger.LogError(ex, \"Failed {Message}\", ex.Message); return StatusCode(500, \"An error occurred.\"); }")]
    [InlineData("catch (Exception ex) { _logger.LogError(ex.ToString()); return Problem(\"Something went wrong.\"); }")]
    [InlineData("catch (Exception ex) { return StatusCode(500, new { length = ex.Message.Length, hasTrace = ex.StackTrace != null, code = ex.HResult }); }")]
    [InlineData("catch (Exception ex) { if (ex.Message.Contains(\"timeout\")) return StatusCode(504, \"Timed out\"); return Problem(\"Failed\"); }")]
    [InlineData("catch (Exception ex) { var retry = ex is TimeoutException; return Ok(retry); }")]
    [InlineData("catch (DomainException ex) { return BadRequest(ex.Message); }")]
    [InlineData("catch (NotFoundError ex) { return NotFound(new { ex.Message, ex.Code }); }")]
    [InlineData("catch (Exception ex) when (ex is DomainException d) { return BadRequest(d.Message); }")]
    [InlineData("catch (Exception ex) when (ex is DomainException) { return BadRequest(ex.Message); }")]
    [InlineData("catch (Exception ex) { if (ex is NotFoundError nf) return NotFound(nf.Message); return Problem(\"Failed\"); }")]
    [InlineData("catch (FluentValidation.ValidationException ex) { return BadRequest(ex.Message); }")]
    [InlineData("catch (FluentValidation.ValidationException ex) { return BadRequest(ex.Errors.Select(e => e.ErrorMessage)); }")]
    [InlineData("catch (System.ComponentModel.DataAnnotations.ValidationException ex) { return BadRequest(ex.Message); }")]
    [InlineData("catch (Microsoft.AspNetCore.SignalR.HubException ex) { return BadRequest(ex.Message); }")]
    [InlineData("catch (Grpc.Core.RpcException ex) { return BadRequest(ex.Status.Detail); }")]
    [InlineData("catch (BadHttpRequestException ex) { return StatusCode(ex.StatusCode, ex.Message); }")]
    [InlineData("catch (Exception ex) { var id = Guid.NewGuid(); _logger.LogError(ex, \"Error {Id}\", id); return Problem($\"Error id {id}\"); }")]
    [InlineData("catch (Exception) { return Problem(\"Failed\"); }")]
    [InlineData("catch (Exception ex) { var when = DateTime.UtcNow; return Problem(when.ToString(\"O\")); }")]
    [InlineData("catch (Exception ex) { return StatusCode(500, ex.GetType() == typeof(TimeoutException) ? \"timeout\" : \"error\"); }")]
    [InlineData("catch (Exception ex) { var message = ex.Message; message = \"Internal error\"; _logger.LogWarning(message); return Problem(\"Failed\"); }")]
    [InlineData("catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) { return Conflict(ex.Message); }")]
    public async Task Not_reported(string catchClauses)
    {
        await Verify(catchClauses);
    }

    [Fact]
    public async Task Stack_trace_and_inner_exception_of_operational_exceptions_are_still_leaks()
    {
        await Verify("""
            catch (NotFoundError ex) { return NotFound([|ex.InnerException?.Message|]); }
            catch (DomainException ex) { return BadRequest([|ex.StackTrace|]); }
            catch (FluentValidation.ValidationException ex) { return BadRequest([|ex.ToString()|]); }
            """);
    }

    [Fact]
    public async Task Exception_messages_are_not_operational_when_the_option_says_so()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (DomainException ex) { return BadRequest([|ex.Message|]); }
                }
            }
            public class DomainException : Exception { public DomainException(string m) : base(m) { } }
            """, "dotnet_code_quality.LEAK001.source_exceptions_are_operational = false");
    }

    [Fact]
    public async Task Operational_types_can_be_added_by_option()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (InvalidOperationException ex) { return BadRequest(ex.Message); }
                    catch (ArgumentException ex) { return BadRequest([|ex.Message|]); }
                }
            }
            """, "dotnet_code_quality.LEAK001.operational_exception_types = System.InvalidOperationException, Missing.Type");
    }

    [Fact]
    public async Task Generated_code_is_skipped()
    {
        var test = new Verification.LeakTest(new LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer());
        test.Sources.Add("public class Placeholder { }");
        test.ExtraDocuments.Add(("OrdersController.g.cs", """
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (Exception ex) { return BadRequest(ex.Message); }
                }
            }
            """));
        test.ExtraDocuments.Add(("Marked.cs", """
            // <auto-generated/>
            using Microsoft.AspNetCore.Mvc;
            public class MarkedController : ControllerBase
            {
                public IActionResult Get(Exception ex) => BadRequest(ex.Message);
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Severity_none_in_editorconfig_turns_the_rule_off()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController : ControllerBase
            {
                public IActionResult Get(Exception ex) => BadRequest(ex.Message);
            }
            """, "dotnet_diagnostic.LEAK001.severity = none");
    }

    [Fact]
    public async Task Code_without_aspnet_references_is_ignored_and_private_helpers_are_not_endpoints()
    {
        await Verifier.DiagnosticsAsync("""
            public class Worker
            {
                public string Describe(Exception ex) => ex.ToString();
            }
            """);
    }

    [Fact]
    public async Task Additional_response_sinks_option()
    {
        await Verifier.DiagnosticsAsync("""
            namespace MyApp.Api
            {
                public static class ApiResponse
                {
                    public static object Fail(string message) => new { ok = false, message };
                    public static object Log(string message) => new { message };
                }

                public class Service
                {
                    public object Run()
                    {
                        try { return ApiResponse.Fail("ok"); }
                        catch (Exception ex)
                        {
                            ApiResponse.Log(ex.Message);
                            return ApiResponse.Fail([|ex.Message|]);
                        }
                    }
                }
            }
            """, "dotnet_code_quality.LEAK001.additional_response_sinks = M:MyApp.Api.ApiResponse.Fail(System.String)");
    }

    [Fact]
    public async Task Additional_response_sinks_apply_only_to_the_files_that_configure_them()
    {
        // The analyzer skips the per-file lookup when no file configures the option; a section for one file must still work.
        var test = new Verification.LeakTest(new LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer())
        {
            EditorConfig = "[Test1.cs]\ndotnet_code_quality.LEAK001.additional_response_sinks = M:MyApp.Api.ApiResponse.Fail(System.String)",
        };
        test.Sources.Add("""
            namespace MyApp.Api
            {
                public static class ApiResponse
                {
                    public static object Fail(string message) => new { ok = false, message };
                }

                public class Unconfigured
                {
                    public object Run(Exception ex) => ApiResponse.Fail(ex.Message);
                }
            }
            """);
        test.Sources.Add("""
            namespace MyApp.Api
            {
                public class Configured
                {
                    public object Run(Exception ex) => ApiResponse.Fail([|ex.Message|]);
                }
            }
            """);
        await test.RunAsync();
    }
}
