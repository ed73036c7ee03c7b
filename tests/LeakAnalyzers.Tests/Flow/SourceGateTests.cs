using System.Linq;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LeakAnalyzers.Tests.Flow;

/// <summary>
/// The whole-body test the local-write index answers for LEAK001/LEAK002: a body where no operation can start taint
/// lets the engine call its locals clean without evaluating them. It must see every kind of source.
/// </summary>
public class SourceGateTests
{
    private const string Source = """
        using System;
        using System.Data.Common;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Mvc;
        public class OrdersController : ControllerBase
        {
            private Exception? _last;
            private static string Fetch() => "data";
            private static string Guarded() { try { return Fetch(); } catch (Exception ex) { return ex.Message; } }
            public IActionResult Clean(int id) { var item = Fetch() + id; var copy = item; return Ok(copy); }
            public IActionResult CleanCatch() { try { return Ok(Fetch()); } catch (Exception) { return Problem(); } }
            public IActionResult Unread() { try { return Ok(Fetch()); } catch (Exception ex) { var text = "x"; return Problem(text); } }
            public IActionResult Caught() { try { return Ok(Fetch()); } catch (Exception ex) { var text = ex.Message; return Problem("x"); } }
            public IActionResult Field() { var text = Fetch(); return Ok(_last); }
            public IActionResult Holder() { var feature = HttpContext.Features.Get<IExceptionHandlerFeature>(); return Ok(feature); }
            public IActionResult Feature() { var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error; return Ok(error); }
            public IActionResult Helper() { var text = Guarded(); return Ok(text); }
            public IActionResult LocalFunction() { string Read() => Fetch(); var text = Read(); return Ok(text); }
            public IActionResult Command(DbCommand command) { var text = command.CommandText; return Ok(text); }
            public IActionResult Connection(DbConnection connection) { var text = connection.ConnectionString; return Ok(text); }
        }
        """;

    [Theory]
    [InlineData("Clean", false)]
    [InlineData("CleanCatch", false)]
    // An exception that is caught but never read, and an object that only holds one, are no source of the policy either.
    [InlineData("Unread", false)]
    [InlineData("Holder", false)]
    [InlineData("Caught", true)]
    [InlineData("Field", true)]
    [InlineData("Feature", true)]
    [InlineData("Helper", true)]
    [InlineData("LocalFunction", true)]
    [InlineData("Command", true)]
    [InlineData("Connection", true)]
    public void Sees_every_kind_of_source(string method, bool mayHoldSource)
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var compilation = CSharpCompilation.Create("Gate", new[] { tree }, References.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var symbols = ExceptionSymbols.Create(compilation)!;
        var sites = new ExceptionSourceSites(symbols, new ExceptionSourceMethods(symbols).MayCreateTaint);
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == method);
        var body = compilation.GetSemanticModel(tree).GetOperation(declaration)!;

        Assert.Equal(mayHoldSource, new LocalWriteIndex(body, sites).MayHoldSource);
    }

    [Fact]
    public void Without_a_test_every_body_may_hold_a_source()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { int M() { var x = 1; return x; } }");
        var compilation = CSharpCompilation.Create("Gate", new[] { tree }, References.Default);
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var body = compilation.GetSemanticModel(tree).GetOperation(declaration)!;

        Assert.True(new LocalWriteIndex(body).MayHoldSource);
    }
}
