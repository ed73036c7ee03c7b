using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak002;

/// <summary>LEAK002: database errors, SQL text and connection strings reaching the response (LEAK002 only, never both).</summary>
public class DatabaseDetailsTests
{
    private static Task Verify(string catchClauses, string tryBody = "return Ok();") => Verifier.DiagnosticsAsync($$"""
        using System.Data.Common;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;
        using Npgsql;
        public class OrdersController : ControllerBase
        {
            private readonly ShopContext _db;
            public OrdersController(ShopContext db) => _db = db;

            public async Task<IActionResult> Save()
            {
                try { await Task.Yield(); {{tryBody}} }
                {{catchClauses}}
            }
        }

        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
        }

        public class Order { public int Id { get; set; } public string Name { get; set; } = ""; }
        """);

    [Theory]
    [InlineData("catch (PostgresException ex) { return Conflict({|LEAK002:ex.Message|}); }")]
    [InlineData("catch (PostgresException ex) { return Conflict({|LEAK002:ex.Detail|}); }")]
    [InlineData("catch (PostgresException ex) { return Conflict({|LEAK002:new { ex.ConstraintName, ex.TableName }|}); }")]
    [InlineData("catch (PostgresException ex) { return Conflict({|LEAK002:ex.Hint|}); }")]
    [InlineData("catch (PostgresException ex) { return Conflict({|LEAK002:ex.InternalQuery|}); }")]
    [InlineData("catch (PostgresException ex) { return Conflict({|LEAK002:ex.SqlState|}); }")]
    [InlineData("catch (PostgresException ex) { return Conflict({|LEAK002:ex.Where|}); }")]
    [InlineData("catch (PostgresException ex) { return Conflict({|LEAK002:ex.ColumnName|}); }")]
    [InlineData("catch (PostgresException ex) { return Conflict({|LEAK002:ex.MessageText|}); }")]
    [InlineData("catch (NpgsqlException ex) { return Problem({|LEAK002:ex.ToString()|}); }")]
    [InlineData("catch (DbException ex) { return Problem({|LEAK002:$\"Database error: {ex.Message}\"|}); }")]
    [InlineData("catch (DbException ex) { return Problem({|LEAK002:ex.StackTrace|}); }")]
    [InlineData("catch (DbUpdateException ex) { return Conflict({|LEAK002:ex.InnerException?.Message|}); }")]
    [InlineData("catch (DbUpdateException ex) { return Conflict({|LEAK002:ex.GetBaseException().Message|}); }")]
    [InlineData("catch (DbUpdateException ex) { return Conflict({|LEAK002:ex.ToString()|}); }")]
    [InlineData("catch (DbUpdateException ex) { return Conflict({|LEAK002:ex|}); }")]
    [InlineData("catch (DbUpdateException ex) when (ex.InnerException is PostgresException pg) { return Conflict({|LEAK002:pg.Detail|}); }")]
    [InlineData("catch (Exception ex) when (ex.InnerException is PostgresException pg) { return Conflict({|LEAK002:pg.MessageText|}); }")]
    [InlineData("catch (Exception ex) { if (ex is DbException db) return Problem({|LEAK002:db.Message|}); return Problem(\"Failed\"); }")]
    [InlineData("catch (Exception ex) when (ex is DbException) { return Problem({|LEAK002:ex.Message|}); }")]
    [InlineData("catch (Exception ex) { switch (ex) { case DbException: return Problem({|LEAK002:ex.Message|}); } return Problem(\"Failed\"); }")]
    [InlineData("catch (Exception ex) { return Problem({|LEAK002:ex is PostgresException or DbException ? ex.Message : \"Failed\"|}); }")]
    [InlineData("catch (Exception ex) { return Problem({|LEAK002:ex.Message + _db.Database.GetConnectionString()|}); }")]
    public async Task Database_details_report_leak002(string catchClauses)
    {
        await Verify(catchClauses);
    }

    [Fact]
    public async Task Sql_text_and_connection_strings()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Data.Common;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Npgsql;
            public class ReportsController : ControllerBase
            {
                public IActionResult Query(ShopContext db, NpgsqlConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "select 1";
                    try { command.ExecuteNonQuery(); return Ok(); }
                    catch (Exception)
                    {
                        var sql = db.Orders.Where(o => o.Id > 3).ToQueryString();
                        Response.Headers["X-Sql"] = {|LEAK002:command.CommandText|};
                        Response.Headers["X-Conn"] = {|LEAK002:connection.ConnectionString|};
                        DbCommand general = command;
                        if (DateTime.Now.Second > 10) return BadRequest({|LEAK002:general.CommandText|});
                        return BadRequest({|LEAK002:new { sql }|});
                    }
                }
            }
            public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
            public class Order { public int Id { get; set; } }
            """);
    }

    [Theory]
    [InlineData("catch (DbUpdateException ex) { return Conflict(ex.Message); }")]
    [InlineData("catch (DbUpdateConcurrencyException) { return Conflict(\"The order was changed by someone else.\"); }")]
    [InlineData("catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation) { return Conflict(\"The name is taken.\"); }")]
    [InlineData("catch (DbException ex) { return StatusCode(ex.IsTransient ? 503 : 500, new { transient = ex.IsTransient, code = ex.ErrorCode }); }")]
    [InlineData("catch (DbUpdateException ex) { return Conflict(new { entries = ex.Entries.Count }); }")]
    [InlineData("catch (PostgresException ex) { return Conflict(ex.SqlState == \"23505\" ? \"duplicate\" : \"failed\"); }")]
    public async Task Not_reported(string catchClauses)
    {
        await Verify(catchClauses);
    }

    [Fact]
    public async Task Database_flow_reports_leak002_only_even_when_mixed_with_exception_data()
    {
        await Verify("""catch (DbUpdateException ex) { return Conflict({|LEAK002:ex.StackTrace + ex.InnerException!.Message|}); }""");
    }

    [Fact]
    public async Task Database_details_through_helper_method()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Npgsql;
            public class OrdersController : ControllerBase
            {
                public IActionResult Save()
                {
                    try { return Ok(); }
                    catch (PostgresException ex) { return Conflict({|LEAK002:Describe(ex)|}); }
                }

                private static string Describe(PostgresException pg) => $"{pg.TableName}.{pg.ColumnName}: {pg.Detail}";
            }
            """);
    }
}
