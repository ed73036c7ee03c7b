using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// A method group mapped as a route handler sends what it returns to the client, like a lambda handler. Its returns are
/// checked at the mapping (often in another file), once per method.
/// </summary>
public class MappedMethodGroupTests
{
    [Fact]
    public async Task Static_method_of_another_class_mapped_in_another_file()
    {
        var test = new LeakTest(new ExceptionDetailsInResponseAnalyzer()) { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication };
        test.Sources.Add("""
            var app = WebApplication.Create();
            var orders = app.MapGroup("/orders");
            orders.MapGet("/{id}", OrderEndpoints.Get);
            orders.MapGet("/{id}/again", OrderEndpoints.Get);
            orders.MapGet("/", OrderEndpoints.List);
            app.Run();
            """);
        test.Sources.Add("""
            public static class OrderEndpoints
            {
                public static async Task<string> Get(int id)
                {
                    try
                    {
                        await Task.Delay(id);
                        return "order";
                    }
                    catch (Exception ex)
                    {
                        return [|ex.ToString()|];
                    }
                }

                // Mapped, clean: the catch answers with a fixed text.
                public static string List()
                {
                    try
                    {
                        return "orders";
                    }
                    catch (Exception)
                    {
                        return "Could not list the orders.";
                    }
                }

                // Not mapped: its return goes to a caller, not to a client.
                public static string Describe(Exception ex) => ex.Message;
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public Task Local_function_and_instance_method_groups() =>
        Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            var handlers = new Handlers();
            app.MapGet("/local", Local);
            app.MapGet("/instance", handlers.Status);
            app.Run();

            static object Local()
            {
                try { return new { ok = true }; }
                catch (Exception ex) { return [|new { error = ex.Message }|]; }
            }

            public sealed class Handlers
            {
                public string Status()
                {
                    try { return "up"; }
                    catch (InvalidOperationException ex) { return [|ex.StackTrace ?? ""|]; }
                }
            }
            """);

    [Fact]
    public Task Method_group_used_as_something_else_is_not_a_handler() =>
        Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            Func<string> describe = Texts.Last;
            app.MapGet("/", () => "ok");
            app.Run();

            public static class Texts
            {
                public static string Last()
                {
                    try { return "x"; }
                    catch (Exception ex) { return ex.Message; }
                }
            }
            """);

    [Fact]
    public Task Fix_logs_the_exception_and_returns_the_generic_text() =>
        Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync("""
            var app = WebApplication.Create();
            app.MapGet("/orders", OrderEndpoints.List);
            app.Run();

            public static class OrderEndpoints
            {
                public static string List()
                {
                    try
                    {
                        return "orders";
                    }
                    catch (Exception ex)
                    {
                        return [|ex.Message|];
                    }
                }
            }
            """, """
            using System.Diagnostics;

            var app = WebApplication.Create();
            app.MapGet("/orders", OrderEndpoints.List);
            app.Run();

            public static class OrderEndpoints
            {
                public static string List()
                {
                    try
                    {
                        return "orders";
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Trace.TraceError("Unhandled error {0}: {1}", errorId, ex);
                        return $"An unexpected error occurred. Error ID: {errorId}";
                    }
                }
            }
            """);
}
