namespace LeakAnalyzers.Bench.Generation;

/// <summary>
/// The service interface and class: EF Core queries, many log calls (Microsoft.Extensions.Logging or Serilog), catch
/// blocks that log and rethrow, and the occasional secret written to a log (LEAK004).
/// </summary>
internal static class ServiceTemplate
{
    public static string Render(Module m, LeakDice dice)
    {
        var serilog = dice.Chance(0.3);
        var log = serilog ? LogStyle.Serilog("_log") : LogStyle.Microsoft("_logger");
        var loggerField = serilog
            ? $"private static readonly Serilog.ILogger _log = Serilog.Log.ForContext<{m.Service}>();"
            : $"private readonly ILogger<{m.Service}> _logger;";
        var loggerParameter = serilog ? string.Empty : $", ILogger<{m.Service}> logger";
        var loggerAssignment = serilog ? string.Empty : "\n        _logger = logger;";

        var connectLog = dice.Leak("LEAK004")
            ? log.Information("Connecting {User} with {Password}", "userName", "password")
            : log.Information("Connecting {User}", "userName");
        var keyLog = dice.Leak("LEAK004")
            ? log.Debug("Using integration key {ApiKey}", "_configuration[\"Integrations:" + m.Entity + ":ApiKey\"]")
            : log.Debug("Using integration key {KeyName}", "_configuration[\"Integrations:" + m.Entity + ":ApiKeyName\"]");
        // Some teams log with interpolation (CA2254 territory); keep a share of those so the reference analyzer works too.
        var listLog = dice.Chance(0.2)
            ? $"{log.Target}.{(serilog ? "Information" : "LogInformation")}($\"Listed {{items.Count}} {m.Entity} items on page {{page}}\");"
            : log.Information("Listed {Count} " + m.Entity + " items on page {Page}", "items.Count", "page");

        return $$"""
            using Microsoft.EntityFrameworkCore;

            namespace {{m.Namespace}};

            public interface {{m.ServiceInterface}}
            {
                Task<{{m.Entity}}Dto?> GetAsync(int id, CancellationToken ct);
                Task<IReadOnlyList<{{m.Entity}}Dto>> ListAsync(int page, int size, CancellationToken ct);
                Task<{{m.Entity}}Dto> CreateAsync(Create{{m.Entity}}Request request, CancellationToken ct);
                Task<bool> DeleteAsync(int id, CancellationToken ct);
                Task<string> ConnectAsync(string userName, string password, CancellationToken ct);
            }

            public sealed class {{m.Service}} : {{m.ServiceInterface}}
            {
                private readonly {{m.DbContext}} _db;
                private readonly IConfiguration _configuration;
                {{loggerField}}

                public {{m.Service}}({{m.DbContext}} db, IConfiguration configuration{{loggerParameter}})
                {
                    _db = db;
                    _configuration = configuration;{{loggerAssignment}}
                }

                public async Task<{{m.Entity}}Dto?> GetAsync(int id, CancellationToken ct)
                {
                    {{log.Debug("Loading " + m.Entity + " {Id}", "id")}}
                    var entity = await _db.{{m.Entity}}s.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
                    if (entity is null)
                    {
                        {{log.Warning(m.Entity + " {Id} was not found", "id")}}
                        return null;
                    }
                    return new {{m.Entity}}Dto(entity.Id, entity.Name, entity.Amount);
                }

                public async Task<IReadOnlyList<{{m.Entity}}Dto>> ListAsync(int page, int size, CancellationToken ct)
                {
                    if (page < 1)
                        page = 1;
                    var items = await _db.{{m.Entity}}s.AsNoTracking()
                        .OrderBy(x => x.Id)
                        .Skip((page - 1) * size)
                        .Take(size)
                        .Select(x => new {{m.Entity}}Dto(x.Id, x.Name, x.Amount))
                        .ToListAsync(ct);
                    {{listLog}}
                    return items;
                }

                public async Task<{{m.Entity}}Dto> CreateAsync(Create{{m.Entity}}Request request, CancellationToken ct)
                {
                    var entity = new {{m.Entity}}
                    {
                        Name = request.Name,
                        Description = request.Description,
                        Amount = request.Amount,
                        CreatedAt = DateTime.UtcNow,
                        IsActive = true,
                    };
                    _db.{{m.Entity}}s.Add(entity);
                    try
                    {
                        await _db.SaveChangesAsync(ct);
                    }
                    catch (DbUpdateException ex)
                    {
                        {{log.Error("ex", "Could not save " + m.Entity + " {Name}", "request.Name")}}
                        throw;
                    }
                    {{log.Information("Created " + m.Entity + " {Id} with amount {Amount}", "entity.Id", "entity.Amount")}}
                    return new {{m.Entity}}Dto(entity.Id, entity.Name, entity.Amount);
                }

                public async Task<bool> DeleteAsync(int id, CancellationToken ct)
                {
                    var entity = await _db.{{m.Entity}}s.FindAsync(new object[] { id }, ct);
                    if (entity is null)
                    {
                        {{log.Warning("Nothing to delete for " + m.Entity + " {Id}", "id")}}
                        return false;
                    }
                    _db.{{m.Entity}}s.Remove(entity);
                    try
                    {
                        await _db.SaveChangesAsync(ct);
                    }
                    catch (OperationCanceledException)
                    {
                        {{log.Information("Delete of " + m.Entity + " {Id} was cancelled", "id")}}
                        throw;
                    }
                    {{log.Information("Deleted " + m.Entity + " {Id}", "id")}}
                    return true;
                }

                public async Task<string> ConnectAsync(string userName, string password, CancellationToken ct)
                {
                    {{connectLog}}
                    {{keyLog}}
                    if (string.IsNullOrEmpty(password))
                    {
                        {{log.Warning("Empty credentials for {User}", "userName")}}
                        return string.Empty;
                    }
                    await Task.Delay(1, ct);
                    return userName + ":" + password.Length.ToString();
                }
            }

            """;
    }
}
