using System.Collections.Immutable;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>Broken and partial code: the analyzer must not throw (the runner fails on analyzer exceptions).</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("public class M { RequestDelegate _n; public async Task Invoke(HttpContext c) { try { await _n(c); } catch (Exception ex) when ( { } } }")]
    [InlineData("public class M { RequestDelegate _n; public async Task Invoke(HttpContext c) { try { await _n(c); } catch (Exception ex) { if (ex is ) throw; c.Response.StatusCode = 500; } } }")]
    [InlineData("public class M { public async Task Invoke(HttpContext c, RequestDelegate n) { try { await n(c) } catch (Missing) { } catch { } } }")]
    [InlineData("public class F : Microsoft.AspNetCore.Mvc.Filters.IExceptionFilter { public void OnException(Microsoft.AspNetCore.Mvc.Filters.ExceptionContext c) { c.Result = ; } }")]
    [InlineData("public class H : Microsoft.AspNetCore.Diagnostics.IExceptionHandler { public ValueTask<bool> TryHandleAsync(HttpContext h, Exception e, CancellationToken t) => ")]
    [InlineData("var app = WebApplication.Create(); app.UseExceptionHandler(e => e.Run(async c => { c.Response.StatusCode = ; }));")]
    [InlineData("public class C : Microsoft.AspNetCore.Mvc.ControllerBase { public object Get() { try { throw new Unknown(); } catch (Exception) { return 1; } } }")]
    [InlineData("")]
    public async Task Broken_code_does_not_crash_the_analyzer(string source)
    {
        var solution = TestWorkspace.Create(new[] { source }, Array.Empty<(string, string)>(), null, true, null);
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(
            solution.Projects.Single(), ImmutableArray.Create<DiagnosticAnalyzer>(new CatchAllSwallowsHttpErrorsAnalyzer()), allowCompilerErrors: true);
        Assert.All(diagnostics, d => Assert.Equal("LEAK003", d.Id));
    }
}
