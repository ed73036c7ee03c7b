using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// Helpers whose catch clauses can hand exception data to their return value are followed; helpers whose catch clauses
/// always rethrow (log and rethrow, the common service shape) cannot, and are not bound again at every call.
/// </summary>
public class HelperCatchTests
{
    private static Task Verify(string helper) => Verifier.DiagnosticsAsync($$"""
        using Microsoft.AspNetCore.Mvc;
        public class OrdersController : ControllerBase
        {
            private static bool Retry;
            public IActionResult Get() => Ok(Load());
            private static string Fetch() => "data";
            {{helper}}
        }
        """);

    [Theory]
    [InlineData("private static string Load() { try { return Fetch(); } catch (Exception ex) { return ex.Message; } }")]
    [InlineData("private static string Load() { var text = \"\"; try { text = Fetch(); } catch (Exception ex) { text = ex.Message; } return text; }")]
    [InlineData("private static string Load() { try { return Fetch(); } catch (Exception ex) { if (Retry) return ex.Message; throw; } }")]
    [InlineData("private static string Load() { var last = \"\"; for (var i = 0; i < 3; i++) { try { return Fetch(); } catch (Exception ex) { last = ex.Message; if (Retry) continue; throw; } } return last; }")]
    [InlineData("private static string Load() { var last = \"\"; for (var i = 0; i < 3; i++) { try { return Fetch(); } catch (Exception ex) { last = ex.Message; if (Retry) break; throw; } } return last; }")]
    [InlineData("private static string Load() { var last = \"\"; try { try { return Fetch(); } catch (Exception ex) when ((last = ex.Message) != null) { throw; } } catch (Exception) { } return last; }")]
    [InlineData("private static string Load() { try { return Fetch(); } catch (InvalidOperationException ex) { throw; } catch (Exception ex) { return ex.StackTrace!; } }")]
    public Task Helper_whose_catch_can_return_exception_data_is_followed(string helper) =>
        VerifyReported(helper);

    // Catch clauses are found by searching the helper's text for "catch": the word elsewhere must not hide the clause.
    [Theory]
    [InlineData("private static string Load() { var catchAll = \"catch\"; /* catch */ try { return Fetch() + catchAll; } catch (Exception ex) { return ex.Message; } }")]
    [InlineData("private static string Load() { try { return Fetch(); } catch (InvalidOperationException) { throw; } catch(Exception ex){return ex.Message;} }")]
    [InlineData("private static string Load() { System.Func<string> read = () => { try { return Fetch(); } catch (Exception ex) { return ex.Message; } }; return read(); }")]
    public Task Helper_whose_catch_is_found_among_other_uses_of_the_word_is_followed(string helper) =>
        VerifyReported(helper);

    [Theory]
    [InlineData("private static string Load() { var catchAll = \"catch (Exception ex) { return ex.Message; }\"; return Fetch() + catchAll.Length; }")]
    [InlineData("// catch (Exception ex) { return ex.Message; }\n    private static string Load() => Fetch();")]
    public Task Helper_that_only_spells_catch_is_clean(string helper) => Verify(helper);

    [Theory]
    [InlineData("private static string Load() { try { return Fetch(); } catch (Exception ex) { System.Console.WriteLine(ex); throw; } }")]
    [InlineData("private static string Load() { try { return Fetch(); } catch (Exception ex) { throw new InvalidOperationException(\"Load failed\", ex); } }")]
    [InlineData("private static string Load() { string? error = null; try { return Fetch(); } catch (Exception ex) { error = ex.Message; throw; } }")]
    [InlineData("private static string Load() { Exception? failure = null; try { Fetch(); } catch (Exception ex) { failure = ex; throw; } return failure?.Message ?? \"ok\"; }")]
    [InlineData("private static string Load() { try { return Fetch(); } catch (Exception ex) when (ex is TimeoutException) { throw; } }")]
    public Task Helper_whose_catch_always_rethrows_is_clean(string helper) => Verify(helper);

    private static Task VerifyReported(string helper) => Verifier.DiagnosticsAsync($$"""
        using Microsoft.AspNetCore.Mvc;
        public class OrdersController : ControllerBase
        {
            private static bool Retry;
            public IActionResult Get() => Ok([|Load()|]);
            private static string Fetch() => "data";
            {{helper}}
        }
        """);
}
