namespace LeakAnalyzers.Bench.Generation;

/// <summary>
/// An MVC controller with CRUD actions, catch blocks around service calls and a form upload; a small share of the
/// catch blocks answer with exception details (LEAK001/LEAK002) or swallow BadHttpRequestException (LEAK003).
/// </summary>
internal static class ControllerTemplate
{
    public static string Render(Module m, LeakDice dice)
    {
        var getFailure = dice.Leak("LEAK001")
            ? "return StatusCode(500, ex.Message);"
            : "return Problem(\"Could not load the item.\");";
        var createConflict = dice.Leak("LEAK002")
            ? "return Conflict(ex.InnerException?.Message);"
            : "return Conflict(\"The item could not be saved.\");";
        var importCatch = dice.Leak("LEAK003")
            ? """
                    catch (Exception ex)
                    {
                        _logger.LogError(ex, "Import failed");
                        return StatusCode(500);
                    }
            """
            : """
                    catch (BadHttpRequestException ex)
                    {
                        _logger.LogWarning(ex, "Malformed import");
                        return StatusCode(ex.StatusCode);
                    }
            """;
        var loginLog = dice.Leak("LEAK004")
            ? "_logger.LogInformation(\"Login {User} {Password}\", login.UserName, login.Password);"
            : "_logger.LogInformation(\"Login {User}\", login.UserName);";

        return $$"""
            using Contoso.Shop.Common;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            namespace {{m.Namespace}};

            [ApiController]
            [Route("api/{{m.Route}}")]
            public sealed class {{m.Entity}}Controller : ControllerBase
            {
                private readonly {{m.ServiceInterface}} _service;
                private readonly ILogger<{{m.Entity}}Controller> _logger;

                public {{m.Entity}}Controller({{m.ServiceInterface}} service, ILogger<{{m.Entity}}Controller> logger)
                {
                    _service = service;
                    _logger = logger;
                }

                [HttpGet("{id:int}")]
                public async Task<ActionResult<{{m.Entity}}Dto>> Get(int id, CancellationToken ct)
                {
                    try
                    {
                        var item = await _service.GetAsync(id, ct);
                        if (item is null)
                        {
                            _logger.LogInformation("{{m.Entity}} {Id} not found", id);
                            return NotFound();
                        }
                        return Ok(item);
                    }
                    catch (Exception ex)
                    {
                        _logger.LogError(ex, "Failed to load {{m.Entity}} {Id}", id);
                        {{getFailure}}
                    }
                }

                [HttpGet]
                public async Task<IActionResult> List([FromQuery] int page = 1, [FromQuery] int size = 20, CancellationToken ct = default)
                {
                    if (size > 100)
                    {
                        _logger.LogWarning("Page size {Size} capped at 100", size);
                        size = 100;
                    }
                    var items = await _service.ListAsync(page, size, ct);
                    _logger.LogDebug("Returning {Count} {{m.Entity}} items", items.Count);
                    return Ok(items);
                }

                [HttpPost]
                public async Task<IActionResult> Create([FromBody] Create{{m.Entity}}Request request, CancellationToken ct)
                {
                    if (string.IsNullOrWhiteSpace(request.Name))
                    {
                        _logger.LogWarning("Rejected {{m.Entity}} without a name");
                        return BadRequest("Name is required.");
                    }
                    try
                    {
                        var created = await _service.CreateAsync(request, ct);
                        _logger.LogInformation("Created {{m.Entity}} {Id}", created.Id);
                        return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
                    }
                    catch (DbUpdateException ex)
                    {
                        _logger.LogError(ex, "Conflict while creating {{m.Entity}} {Name}", request.Name);
                        {{createConflict}}
                    }
                }

                [HttpDelete("{id:int}")]
                public async Task<IActionResult> Delete(int id, CancellationToken ct)
                {
                    var deleted = await _service.DeleteAsync(id, ct);
                    if (!deleted)
                    {
                        _logger.LogWarning("{{m.Entity}} {Id} was not deleted", id);
                        return NotFound();
                    }
                    _logger.LogInformation("{{m.Entity}} {Id} deleted by {User}", id, User.Identity?.Name);
                    return NoContent();
                }

                [HttpPost("import")]
                public async Task<IActionResult> Import(CancellationToken ct)
                {
                    try
                    {
                        var form = await Request.ReadFormAsync(ct);
                        _logger.LogInformation("Importing {Count} files", form.Files.Count);
                        return Accepted();
                    }
            {{importCatch}}
                }

                [HttpPost("login")]
                public async Task<IActionResult> Login([FromBody] LoginRequest login, CancellationToken ct)
                {
                    {{loginLog}}
                    var session = await _service.ConnectAsync(login.UserName, login.Password, ct);
                    return session.Length == 0 ? Unauthorized() : Ok();
                }
            }

            """;
    }
}
