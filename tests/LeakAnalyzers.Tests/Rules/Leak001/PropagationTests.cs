using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>LEAK001 follows exception data through locals, string building, objects, collections, helpers and lambdas.</summary>
public class PropagationTests
{
    private static Task Verify(string body, string members = "") => Verifier.DiagnosticsAsync($$"""
        using System.Text;
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        public class OrdersController : ControllerBase
        {
            public IActionResult Get()
            {
                try { return Ok(); }
                catch (Exception ex)
                {
                    {{body}}
                }
            }
            {{members}}
        }

        public class ErrorDto
        {
            public ErrorDto() { }
            public ErrorDto(string message) => Message = message;
            public string Message { get; set; } = "";
        }
        """);

    [Theory]
    [InlineData("var message = ex.Message; return BadRequest([|message|]);")]
    [InlineData("string message; message = ex.StackTrace!; return BadRequest([|message|]);")]
    [InlineData("var a = ex.Message; var b = a; var c = b; return BadRequest([|c|]);")]
    [InlineData("return BadRequest([|\"Failed: \" + ex.Message|]);")]
    [InlineData("return BadRequest([|$\"Failed: {ex.Message}\"|]);")]
    [InlineData("return BadRequest([|$\"Failed: {ex}\"|]);")]
    [InlineData("return BadRequest([|string.Format(\"Failed: {0}\", ex.Message)|]);")]
    [InlineData("return BadRequest([|string.Concat(\"a\", ex.StackTrace)|]);")]
    [InlineData("return BadRequest([|string.Join(\", \", new[] { ex.Message, ex.Source })|]);")]
    [InlineData("var sb = new StringBuilder(); sb.Append(\"Failed: \"); sb.AppendLine(ex.Message); return BadRequest([|sb.ToString()|]);")]
    [InlineData("var sb = new StringBuilder(); sb.Append(\"Failed: \").Append(ex.StackTrace); return BadRequest([|sb.ToString()|]);")]
    [InlineData("return BadRequest([|ex.Message.Replace(\"\\n\", \" \").Trim().ToUpperInvariant()|]);")]
    [InlineData("return BadRequest([|ex.Message.Substring(0, 10)|]);")]
    [InlineData("return BadRequest([|new { Error = ex.Message, Code = 42 }|]);")]
    [InlineData("return BadRequest([|(ex.Message, 500)|]);")]
    [InlineData("return BadRequest([|new[] { ex.Message }|]);")]
    [InlineData("return BadRequest([|new List<string> { ex.Message }|]);")]
    [InlineData("var list = new List<string>(); list.Add(ex.StackTrace!); return BadRequest([|list|]);")]
    [InlineData("var errors = new Dictionary<string, string> { [\"error\"] = ex.Message }; return BadRequest([|errors|]);")]
    [InlineData("var errors = new Dictionary<string, object>(); errors[\"trace\"] = ex.StackTrace!; return BadRequest([|errors|]);")]
    [InlineData("var detail = new ErrorDto { Message = ex.Message }; return BadRequest([|detail|]);")]
    [InlineData("var detail = new ErrorDto(); detail.Message = ex.Message; return BadRequest([|detail|]);")]
    [InlineData("return BadRequest([|new ErrorDto(ex.Message)|]);")]
    [InlineData("return BadRequest([|DateTime.Now.Second > 1 ? ex.Message : \"error\"|]);")]
    [InlineData("return BadRequest([|ex.InnerException?.Message ?? ex.Message|]);")]
    [InlineData("var level = 1; return BadRequest([|level switch { 1 => ex.Message, _ => \"error\" }|]);")]
    [InlineData("return BadRequest([|(object)ex.Message|]);")]
    [InlineData("return BadRequest([|JsonSerializer.Serialize(ex)|]);")]
    [InlineData("return BadRequest([|Newtonsoft.Json.JsonConvert.SerializeObject(new { ex.Message })|]);")]
    [InlineData("return BadRequest([|Encoding.UTF8.GetBytes(ex.Message)|]);")]
    [InlineData("return BadRequest([|Explain(ex)|]);")]
    [InlineData("return BadRequest([|Wrap(ex.Message)|]);")]
    [InlineData("return BadRequest([|Twice(ex.StackTrace!)|]);")]
    [InlineData("string Local() => ex.Message; return BadRequest([|Local()|]);")]
    [InlineData("Func<string> describe = () => ex.ToString(); return BadRequest([|describe()|]);")]
    [InlineData("var all = new AggregateException(ex); return BadRequest([|all.InnerExceptions.Select(e => e.Message).ToList()|]);")]
    [InlineData("foreach (var line in ex.StackTrace!.Split('\\n')) { return BadRequest([|line|]); } return Ok();")]
    [InlineData("var type = ex.GetType(); return BadRequest([|type.Name|]);")]
    [InlineData("Exception inner = ex.GetBaseException(); return BadRequest([|inner.Message|]);")]
    [InlineData("return BadRequest([|ex.Data[\"key\"]|]);")]
    public async Task Taint_propagates(string body)
    {
        await Verify(body, """
            private static string Explain(Exception x) => x.Message + " " + x.StackTrace;
            private static string Wrap(string text) => $"[{text}]";
            private static string Twice(string text) { var t = Wrap(text); return t + t; }
            """);
    }

    [Fact]
    public async Task Message_names_the_whole_conditional_access()
    {
        var solution = Verification.TestWorkspace.Create(new[] { """
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController : ControllerBase
            {
                public IActionResult Get(Exception ex) => Conflict(ex.InnerException?.Message);
            }
            """ }, Array.Empty<(string, string)>(), null, true, null);
        var diagnostics = await Verification.AnalyzerRunner.GetDiagnosticsAsync(solution.Projects.Single(),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer()));
        Assert.Equal("'ex.InnerException?.Message' reaches the HTTP response through 'Conflict'", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Additional_location_points_at_the_exception_read()
    {
        var test = new Verification.LeakTest(new LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer());
        test.Sources.Add("""
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (Exception ex)
                    {
                        var message = ex.StackTrace;
                        return Problem([|message|]);
                    }
                }
            }
            """);
        await test.RunAsync();

        var solution = Verification.TestWorkspace.Create(new[] { Verification.Markup.Parse(test.Sources[0], "LEAK001").Source },
            Array.Empty<(string, string)>(), null, true, null);
        var diagnostics = await Verification.AnalyzerRunner.GetDiagnosticsAsync(solution.Projects.Single(),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer()));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("'ex.StackTrace' reaches the HTTP response through 'Problem'", diagnostic.GetMessage());
        var additional = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("ex.StackTrace", additional.SourceTree!.GetText().ToString(additional.SourceSpan));
    }
}
