using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// The engine looks for a local's writes only inside the block that declares it. These pin that every write is still
/// found: in nested blocks and lambdas, after the sink, and for locals a block does not declare (catch variables,
/// loop variables, switch-section locals), which fall back to the whole body.
/// </summary>
public class LocalScopeTests
{
    private static Task Verify(string members) => Verifier.DiagnosticsAsync($$"""
        using Microsoft.AspNetCore.Mvc;
        public class OrdersController : ControllerBase
        {
            private static string Fetch() => "data";
            {{members}}
        }
        """);

    [Fact]
    public Task Write_in_a_nested_catch_block() =>
        Verify("public IActionResult Get() { var text = \"\"; try { text = Fetch(); } catch (Exception ex) { text = ex.Message; } return Ok([|text|]); }");

    [Fact]
    public Task Write_inside_a_lambda_in_the_declaring_block() =>
        Verify("public IActionResult Get(Exception error) { var text = \"\"; System.Action capture = () => { text = error.Message; }; capture(); return Ok([|text|]); }");

    [Fact]
    public Task Write_after_the_sink_in_a_loop() =>
        Verify("public IActionResult Get(Exception error) { var text = \"\"; for (var i = 0; i < 2; i++) { if (i == 1) return Ok([|text|]); text = error.StackTrace; } return Ok(); }");

    [Fact]
    public Task Local_of_an_inner_block_written_in_that_block() =>
        Verify("public IActionResult Get() { try { var text = Fetch(); try { Fetch(); } catch (Exception ex) { text = ex.Message; } return Ok([|text|]); } finally { } }");

    [Fact]
    public Task Catch_variable_is_followed_through_the_whole_body() =>
        Verify("public IActionResult Get() { try { return Ok(); } catch (Exception ex) { var text = ex.Message; return Ok([|text|]); } }");

    [Fact]
    public Task Foreach_variable_is_followed_through_the_whole_body() =>
        Verify("public IActionResult Get(AggregateException error) { foreach (var inner in error.InnerExceptions) { var text = inner.Message; return Ok([|text|]); } return Ok(); }");

    [Fact]
    public Task Switch_section_local_is_followed() =>
        Verify("public IActionResult Get(Exception error, int mode) { switch (mode) { case 1: var text = \"\"; text = error.Message; return Ok([|text|]); default: return Ok(); } }");

    [Fact]
    public Task Same_name_in_a_sibling_block_is_another_local() =>
        Verify("public IActionResult Get(Exception error, bool flag) { if (flag) { var text = error.Message; Fetch(); } else { var text = Fetch(); return Ok(text); } return Ok(); }");
}
