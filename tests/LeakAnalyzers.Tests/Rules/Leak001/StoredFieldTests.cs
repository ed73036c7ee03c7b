using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// Exception text a class keeps in one of its own private mutable string fields, written in one member and sent in
/// another: the field carries what any of its writes carries.
/// </summary>
public class StoredFieldTests
{
    private static Task Verify(string members) => Verifier.DiagnosticsAsync($$"""
        using Microsoft.AspNetCore.Mvc;
        public class ImportController : ControllerBase
        {
            private static string Fetch() => "data";
            {{members}}
        }
        """);

    [Theory]
    [InlineData("_lastError = ex.Message;", "return Ok([|_lastError|]);")]
    [InlineData("this._lastError = $\"failed: {ex}\";", "return Ok([|this._lastError|]);")]
    [InlineData("_lastError += ex.StackTrace;", "return Problem([|_lastError|]);")]
    [InlineData("_lastError = ex.Message;", "var text = _lastError ?? \"none\"; return Ok([|text|]);")]
    [InlineData("_lastError = ex.Message;", "return Ok([|new { status = \"failed\", detail = _lastError }|]);")]
    public Task Text_stored_in_one_method_and_sent_from_another(string store, string send) =>
        Verify($$"""
            private string? _lastError;
            public IActionResult Run() { try { return Ok(Fetch()); } catch (Exception ex) { {{store}} return Accepted(); } }
            public IActionResult Status() { {{send}} }
            """);

    [Fact]
    public Task Static_field_written_by_a_helper_of_the_class() =>
        Verify("""
            private static string _last = "";
            private static void Remember(Exception ex) => _last = ex.Message;
            public IActionResult Run() { try { return Ok(Fetch()); } catch (Exception ex) { Remember(ex); return Accepted(); } }
            public IActionResult Status() => Ok([|_last|]);
            """);

    [Fact]
    public Task Field_copied_from_another_stored_field() =>
        Verify("""
            private string? _shown;
            private string? _raw;
            public void Copy() => _shown = _raw;
            public void Loop() => _raw = _shown;
            public IActionResult Run() { try { return Ok(Fetch()); } catch (Exception ex) { _raw = ex.Message; return Accepted(); } }
            public IActionResult Status() => Ok([|_shown|]);
            """);

    [Theory]
    // Only constant text or request data is stored.
    [InlineData("private string _status = \"idle\"; public void Fail() => _status = \"failed\"; public IActionResult Status() => Ok(_status);")]
    [InlineData("private string? _name; public void Set(string name) => _name = name; public IActionResult Status() => Ok(_name);")]
    // The catch stores a fixed text and the ID; the exception itself is logged, not stored.
    [InlineData("private string _status = \"\"; public IActionResult Run() { try { return Ok(Fetch()); } catch (Exception) { _status = \"failed at \" + DateTime.UtcNow; return Accepted(); } } public IActionResult Status() => Ok(_status);")]
    // Fields written from each other only, with nothing tainted anywhere: the cycle ends clean.
    [InlineData("private string _a = \"\"; private string _b = \"\"; public void Swap() { _a = _b; _b = _a; } public IActionResult Status() => Ok(_a + _b);")]
    // Another object's field of the same name is another field.
    [InlineData("private string? _note; private sealed class Job { public string? _note; } public IActionResult Run() { try { return Ok(Fetch()); } catch (Exception ex) { var job = new Job(); job._note = ex.Message; return Accepted(); } } public IActionResult Status() => Ok(_note);")]
    public Task Fields_holding_no_exception_text_are_clean(string members) => Verify(members);

    // The exception is gone where the text is sent: the fix has nothing to log under an ID, so it offers nothing and
    // the diagnostic stays for a person to move the detail into the log where it is stored.
    [Fact]
    public Task No_fix_where_the_stored_text_is_sent() =>
        LeakAnalyzers.Tests.Verification.Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.NoFixAsync("""
            using Microsoft.AspNetCore.Mvc;
            public class ImportController : ControllerBase
            {
                private string? _lastError;
                public IActionResult Run() { try { return Ok(); } catch (Exception ex) { _lastError = ex.Message; return Accepted(); } }
                public IActionResult Status() { return Ok([|_lastError|]); }
            }
            """);
}
