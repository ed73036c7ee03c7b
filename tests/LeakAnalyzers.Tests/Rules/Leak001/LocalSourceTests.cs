using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// Every kind of source is found through a local handed to a sink, a helper's locals carry a tainted argument, and a
/// value written whole into a local keeps what its receiver carries.
/// </summary>
public class LocalSourceTests
{
    private static Task Verify(string members) => Verifier.DiagnosticsAsync($$"""
        using System.Data.Common;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Mvc;
        public class OrdersController : ControllerBase
        {
            private static Exception? _last;
            private static string Fetch() => "data";
            {{members}}
        }
        """);

    [Fact]
    public Task Exception_field_read_into_a_local() =>
        Verify("public IActionResult Get() { var text = _last?.Message; return Ok([|text|]); }");

    [Fact]
    public Task Feature_error_read_into_a_local() =>
        Verify("public IActionResult Error() { var feature = HttpContext.Features.Get<IExceptionHandlerFeature>(); var text = feature?.Error.StackTrace; return Problem([|text|]); }");

    [Fact]
    public Task Helper_with_a_catch_assigned_to_a_local() =>
        Verify("""
            private static string Load() { try { return Fetch(); } catch (Exception ex) { return ex.Message; } }
            public IActionResult Get() { var text = Load(); return Ok([|text|]); }
            """);

    [Fact]
    public Task Local_function_assigned_to_a_local() =>
        Verify("public IActionResult Get() { string Read() { try { return Fetch(); } catch (Exception ex) { return ex.Message; } } var text = Read(); return Ok([|text|]); }");

    [Fact]
    public Task Lambda_over_an_exception_field_assigned_to_a_local() =>
        Verify("public IActionResult Get() { System.Func<string> read = () => _last!.Message; var text = read(); return Ok([|text|]); }");

    [Fact]
    public Task Command_text_read_into_a_local() =>
        Verifier.DiagnosticsAsync("""
            using System.Data.Common;
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController : ControllerBase
            {
                public IActionResult Get(DbCommand command) { var sql = command.CommandText; return Ok({|LEAK002:sql|}); }
            }
            """);

    [Fact]
    public Task Helper_local_carries_the_tainted_argument() =>
        Verify("""
            private static string Describe(string value) { var copy = value; return copy; }
            public IActionResult Get() { try { return Ok(Fetch()); } catch (Exception ex) { return Ok([|Describe(ex.Message)|]); } }
            """);

    // A value written whole into a local is evaluated with its receiver; only mutations (list.Add(x)) count just their
    // arguments. Before, `var text = ex.Message.Trim()` was read as a mutation and missed.
    [Theory]
    [InlineData("var text = ex.Message.Trim(); return Ok([|text|]);")]
    [InlineData("var text = ex.StackTrace!.Substring(0, 10); return Ok([|text|]);")]
    [InlineData("var builder = new System.Text.StringBuilder(); builder.Append(ex.Message); var text = builder.ToString(); return Ok([|text|]);")]
    [InlineData("foreach (var line in ex.StackTrace!.Split('\\n')) return Ok([|line|]); return Problem();")]
    [InlineData("if (ex.Message.Trim() is { } text) return Ok([|text|]); return Problem();")]
    // A list pattern's own local holds the whole matched value (it was missed before the pattern helpers were shared).
    [InlineData("if (ex.StackTrace!.Split('\\n') is [_, ..] lines) return Ok([|lines|]); return Problem();")]
    public Task Value_written_whole_into_a_local_keeps_its_receiver(string handler) =>
        Verify($$"""public IActionResult Get() { try { return Ok(Fetch()); } catch (Exception ex) { {{handler}} } }""");

    [Fact]
    public Task Locals_of_a_body_without_sources_are_clean() =>
        Verify("public IActionResult Get(int id) { var item = Fetch() + id; var copy = item; try { return Ok(copy); } catch (Exception) { return Problem(); } }");
}
