using System.Data.Common;
using LeakyApi.ErrorResponses.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// An API controller over EF Core + Npgsql that plants each LEAK002 shape (database errors, SQL text) next to a
/// clean twin.
/// </summary>
[ApiController]
[Route("api/customers")]
public sealed class CustomersController(ShopDbContext db, ILogger<CustomersController> logger, IWebHostEnvironment environment) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Register(RegisterCustomerRequest request, CancellationToken cancellationToken)
    {
        var customer = new Customer { Email = request.Email, Name = request.Name };
        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Created($"/api/customers/{customer.Id}", customer);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            // Constraint names and the offending row tell an attacker the schema.
            return Conflict($"Duplicate value violates {pg.ConstraintName}: {pg.Detail}"); // expect: LEAK002
        }
        catch (DbUpdateException ex)
        {
            return UnprocessableEntity(ex.InnerException?.Message); // expect: LEAK002
        }
    }

    [HttpPost("safe")]
    public async Task<IActionResult> RegisterSafe(RegisterCustomerRequest request, CancellationToken cancellationToken)
    {
        var customer = new Customer { Email = request.Email, Name = request.Name };
        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Created($"/api/customers/{customer.Id}", customer);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Clean: the database error decides the status only; the text is ours.
            logger.LogWarning(ex, "Duplicate customer registration");
            return Conflict("A customer with this e-mail address already exists.");
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "Saving customer failed");
            return Problem("The customer could not be saved.");
        }
    }

    [HttpPut("{id:int}/name")]
    public async Task<IActionResult> Rename(int id, string name, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name), cancellationToken);
            return updated == 0 ? NotFound() : NoContent();
        }
        catch (DbUpdateException ex)
        {
            return Problem(ex.GetBaseException().Message); // expect: LEAK002
        }
        catch (DbException ex)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, ex.Message); // expect: LEAK002
        }
    }

    [HttpPut("{id:int}/name-safe")]
    public async Task<IActionResult> RenameSafe(int id, string name, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name), cancellationToken);
            return updated == 0 ? NotFound() : NoContent();
        }
        catch (DbException ex)
        {
            logger.LogError(ex, "Renaming customer {CustomerId} failed", id);
            // Clean: a flag cannot carry database text.
            return StatusCode(StatusCodes.Status503ServiceUnavailable, new { error = "The customer store is unavailable.", retryable = ex.IsTransient });
        }
    }

    [HttpGet("search")]
    public async Task<IActionResult> Search(string term, CancellationToken cancellationToken)
    {
        var query = db.Customers.Where(c => c.Name.Contains(term)).OrderBy(c => c.Name);
        try
        {
            return Ok(await query.Take(50).ToListAsync(cancellationToken));
        }
        catch (NpgsqlException ex)
        {
            logger.LogError(ex, "Customer search failed");
            // The generated SQL names tables and columns.
            return BadRequest(new { error = "Search failed", sql = query.ToQueryString() }); // expect: LEAK002
        }
    }

    [HttpGet("search-safe")]
    public async Task<IActionResult> SearchSafe(string term, CancellationToken cancellationToken)
    {
        var query = db.Customers.Where(c => c.Name.Contains(term)).OrderBy(c => c.Name);
        try
        {
            return Ok(await query.Take(50).ToListAsync(cancellationToken));
        }
        catch (NpgsqlException ex)
        {
            logger.LogError(ex, "Customer search failed");
            // Clean: the SQL only in Development.
            if (environment.IsDevelopment())
                return BadRequest(new { error = "Search failed", sql = query.ToQueryString() });
            return BadRequest(new { error = "Search failed" });
        }
    }

    [HttpGet("count")]
    public async Task<IActionResult> Count(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"Customers\"";
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return Ok(await command.ExecuteScalarAsync(cancellationToken));
        }
        catch (DbException)
        {
            return StatusCode(StatusCodes.Status500InternalServerError, $"Query failed: {command.CommandText}"); // expect: LEAK002
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed record RegisterCustomerRequest(string Email, string Name);
