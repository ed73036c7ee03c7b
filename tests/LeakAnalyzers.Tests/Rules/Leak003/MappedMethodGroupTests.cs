using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>
/// Methods of any class passed to <c>Map*</c> as method groups are endpoints: their catch-alls are judged at the
/// mapping, which is usually in another file (<c>Program.cs</c>) than the handler class.
/// </summary>
public class MappedMethodGroupTests
{
    private const string Program = """
        var app = WebApplication.Create();
        var orders = app.MapGroup("/orders");
        orders.MapPost("/", OrderEndpoints.Create);
        orders.MapPost("/import", OrderEndpoints.Import);
        app.Run();
        """;

    [Fact]
    public async Task Static_method_of_another_class_mapped_in_another_file_is_an_endpoint()
    {
        var test = new LeakTest(new CatchAllSwallowsHttpErrorsAnalyzer()) { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication };
        test.Sources.Add(Program);
        test.Sources.Add("""
            public static class OrderEndpoints
            {
                public static async Task<IResult> Create(HttpRequest request)
                {
                    try
                    {
                        var form = await request.ReadFormAsync();
                        return Results.Ok(form.Count);
                    }
                    [|catch (Exception)|]
                    {
                        return Results.StatusCode(500);
                    }
                }

                // Mapped, but nothing in its try raises a deliberate error visibly.
                public static async Task<IResult> Import(HttpRequest request)
                {
                    try
                    {
                        await Task.Delay(1);
                        return Results.Accepted();
                    }
                    catch (Exception)
                    {
                        return Results.StatusCode(500);
                    }
                }

                // Not mapped: an ordinary method, as before.
                public static async Task<IResult> NotMapped(HttpRequest request)
                {
                    try
                    {
                        var form = await request.ReadFormAsync();
                        return Results.Ok(form.Count);
                    }
                    catch (Exception)
                    {
                        return Results.StatusCode(500);
                    }
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Instance_method_mapped_twice_is_reported_once()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            var handlers = new UploadHandlers();
            app.MapPost("/upload", handlers.Upload);
            app.MapPut("/upload", handlers.Upload);
            app.Run();

            public sealed class UploadHandlers
            {
                public async Task<IResult> Upload(HttpRequest request)
                {
                    try
                    {
                        var form = await request.ReadFormAsync();
                        return Results.Ok(form.Files.Count);
                    }
                    [|catch|]
                    {
                        return Results.Problem("Upload failed.");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Method_group_passed_to_something_else_is_not_an_endpoint()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            var work = new List<HttpRequest>();
            work.ForEach(r => Jobs.Run(r).Wait());
            Func<HttpRequest, Task<IResult>> run = Jobs.Run;
            app.Run();

            public static class Jobs
            {
                public static async Task<IResult> Run(HttpRequest request)
                {
                    try
                    {
                        var form = await request.ReadFormAsync();
                        return Results.Ok(form.Count);
                    }
                    catch (Exception)
                    {
                        return Results.StatusCode(500);
                    }
                }
            }
            """);
    }

    // The fixed source is also the negative case: the verifier checks it carries no diagnostic once the
    // BadHttpRequestException clause lets the deliberate error through.
    [Fact]
    public async Task Fix_lets_the_deliberate_error_through_in_the_mapped_method()
    {
        await Verify<CatchAllSwallowsHttpErrorsAnalyzer, LetDeliberateErrorsThroughCodeFix>.FixAsync("""
            var app = WebApplication.Create();
            app.MapPost("/orders", OrderEndpoints.Create);
            app.Run();

            public sealed record Order(int Id);

            public static class OrderEndpoints
            {
                public static async Task<IResult> Create(HttpRequest request)
                {
                    try
                    {
                        var order = await request.ReadFromJsonAsync<Order>();
                        return Results.Created($"/orders/{order!.Id}", order);
                    }
                    [|catch (Exception)|]
                    {
                        return Results.Problem("The order could not be created.");
                    }
                }
            }
            """, """
            var app = WebApplication.Create();
            app.MapPost("/orders", OrderEndpoints.Create);
            app.Run();

            public sealed record Order(int Id);

            public static class OrderEndpoints
            {
                public static async Task<IResult> Create(HttpRequest request)
                {
                    try
                    {
                        var order = await request.ReadFromJsonAsync<Order>();
                        return Results.Created($"/orders/{order!.Id}", order);
                    }
                    catch (BadHttpRequestException)
                    {
                        throw;
                    }
                    catch (Exception)
                    {
                        return Results.Problem("The order could not be created.");
                    }
                }
            }
            """);
    }

    /// <summary>
    /// The mapping is in hand-written code, the mapped method in generated code: its catch clauses are reported where the
    /// method is, which the driver has not checked, so the rule leaves generated code alone itself (the analyzers do not
    /// ask the driver to filter their reports, <c>GeneratedCodeSetting</c>).
    /// </summary>
    [Theory]
    [InlineData("OrderEndpoints.g.cs", "", "")]
    [InlineData("OrderEndpoints.cs", "// <auto-generated/>", "")]
    [InlineData("OrderEndpoints.cs", "", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]")]
    public async Task Method_group_declared_in_generated_code_is_not_reported(string path, string header, string attribute)
    {
        var test = new LeakTest(new CatchAllSwallowsHttpErrorsAnalyzer()) { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication };
        test.Sources.Add("""
            var app = WebApplication.Create();
            app.MapPost("/orders", OrderEndpoints.Create);
            app.Run();
            """);
        test.ExtraDocuments.Add((path, $$"""
            {{header}}
            using Microsoft.AspNetCore.Http;

            {{attribute}}
            public static class OrderEndpoints
            {
                public static async System.Threading.Tasks.Task<IResult> Create(HttpRequest request)
                {
                    try
                    {
                        var form = await request.ReadFormAsync();
                        return Results.Ok(form.Count);
                    }
                    catch (System.Exception)
                    {
                        return Results.StatusCode(500);
                    }
                }
            }
            """));
        await test.RunAsync();
    }
}
