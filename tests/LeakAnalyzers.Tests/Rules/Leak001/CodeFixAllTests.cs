using System.Collections.Immutable;
using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// FixAll (document, project, solution) and one-at-a-time fixing give the same result: one ID and one log call per
/// block, one injected logger per class or handler, distinct IDs in nested blocks.
/// </summary>
public class CodeFixAllTests
{
    [Fact]
    public Task Two_leaks_and_an_existing_log_call_in_one_block_share_one_id()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        _logger.LogError(ex, "Failed to save");
                        if (ex is TimeoutException)
                            return StatusCode(503, [|ex.Message|]);
                        return BadRequest([|new { error = ex.Message, ex.StackTrace }|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Failed to save {ErrorId}", errorId);
                        if (ex is TimeoutException)
                            return StatusCode(503, $"An unexpected error occurred. Error ID: {errorId}");
                        return BadRequest(new { error = "An unexpected error occurred.", errorId });
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Two_actions_without_logger_inject_once_and_get_one_id_each()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest([|ex.Message|]);
                    }
                }

                public IActionResult Delete()
                {
                    try
                    {
                        return NoContent();
                    }
                    catch (InvalidOperationException ex)
                    {
                        return Conflict([|ex.ToString()|]);
                    }
                    catch (Exception)
                    {
                        return StatusCode(500, "failed");
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger)
                {
                    _logger = logger;
                }

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }

                public IActionResult Delete()
                {
                    try
                    {
                        return NoContent();
                    }
                    catch (InvalidOperationException ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return Conflict($"An unexpected error occurred. Error ID: {errorId}");
                    }
                    catch (Exception)
                    {
                        return StatusCode(500, "failed");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Nested_catch_blocks_get_distinct_ids()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        try
                        {
                            Cleanup();
                        }
                        catch (Exception cleanupError)
                        {
                            return BadRequest([|cleanupError.Message|]);
                        }
                        return BadRequest([|ex.Message|]);
                    }
                }

                private static void Cleanup() { }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId2 = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId2);
                        try
                        {
                            Cleanup();
                        }
                        catch (Exception cleanupError)
                        {
                            var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                            _logger.LogError(cleanupError, "Unhandled error {ErrorId}", errorId);
                            return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                        }
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId2}");
                    }
                }

                private static void Cleanup() { }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Two_handlers_in_one_static_class_get_one_parameter_each()
    {
        const string source = """
            namespace Shop;

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder routes)
                {
                    routes.MapGet("/orders", () =>
                    {
                        try
                        {
                            return Results.Ok();
                        }
                        catch (Exception ex)
                        {
                            return Results.Problem([|ex.Message|]);
                        }
                    });
                    routes.MapDelete("/orders/{id}", (int id) =>
                    {
                        try
                        {
                            return Results.NoContent();
                        }
                        catch (Exception ex)
                        {
                            return Results.Problem([|ex.StackTrace|], statusCode: 409);
                        }
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;

            namespace Shop;

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder routes)
                {
                    routes.MapGet("/orders", (ILoggerFactory loggerFactory) =>
                    {
                        try
                        {
                            return Results.Ok();
                        }
                        catch (Exception ex)
                        {
                            var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                            loggerFactory.CreateLogger("Shop.OrderEndpoints").LogError(ex, "Unhandled error {ErrorId}", errorId);
                            return Results.Problem($"An unexpected error occurred. Error ID: {errorId}");
                        }
                    });
                    routes.MapDelete("/orders/{id}", (int id, ILoggerFactory loggerFactory) =>
                    {
                        try
                        {
                            return Results.NoContent();
                        }
                        catch (Exception ex)
                        {
                            var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                            loggerFactory.CreateLogger("Shop.OrderEndpoints").LogError(ex, "Unhandled error {ErrorId}", errorId);
                            return Results.Problem($"An unexpected error occurred. Error ID: {errorId}", statusCode: 409);
                        }
                    });
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Leaks_in_two_documents_are_fixed_in_every_scope()
    {
        var test = new LeakTest(new ExceptionDetailsInResponseAnalyzer(), new CorrelationIdCodeFix());
        test.Sources.Add("""
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController(ILogger<OrdersController> logger) : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest([|ex.Message|]);
                    }
                }
            }
            """);
        test.Sources.Add("""
            public class ErrorMiddleware(RequestDelegate next)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (Exception ex)
                    {
                        await context.Response.WriteAsync([|ex.ToString()|]);
                    }
                }
            }
            """);
        test.FixedSources.Add("""
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController(ILogger<OrdersController> logger) : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """);
        test.FixedSources.Add("""
            using System.Diagnostics;

            public class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        await context.Response.WriteAsync($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """);
        await test.RunAsync();

        foreach (var scope in new[] { FixAllScope.Project, FixAllScope.Solution })
        {
            var solution = TestWorkspace.Create(test.Sources.Select(x => Markup.Parse(x, "LEAK001").Source).ToList(),
                Array.Empty<(string, string)>(), null, true, null);
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ExceptionDetailsInResponseAnalyzer());
            var project = solution.Projects.Single();
            var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(project, analyzers);
            Assert.Equal(2, diagnostics.Length);
            var fix = new CorrelationIdCodeFix();
            var context = new FixAllContext(solution.GetDocument(diagnostics[0].Location.SourceTree)!, fix, scope,
                CorrelationIdCodeFix.EquivalenceKey, fix.FixableDiagnosticIds, new Diagnostics(analyzers), CancellationToken.None);
            var action = await fix.GetFixAllProvider().GetFixAsync(context);
            var operations = await action!.GetOperationsAsync(CancellationToken.None);
            var fixedProject = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.Projects.Single();
            var documents = TestWorkspace.TestDocuments(fixedProject, 2).ToList();
            for (var i = 0; i < 2; i++)
                Assert.Equal(test.FixedSources[i].Replace("\r\n", "\n"), (await documents[i].GetTextAsync()).ToString().Replace("\r\n", "\n"));
            Assert.Empty(await AnalyzerRunner.GetDiagnosticsAsync(fixedProject, analyzers));
        }
    }

    private sealed class Diagnostics(ImmutableArray<DiagnosticAnalyzer> analyzers) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await AnalyzerRunner.GetDiagnosticsAsync(project, analyzers, allowCompilerErrors: true, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await GetAllDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
