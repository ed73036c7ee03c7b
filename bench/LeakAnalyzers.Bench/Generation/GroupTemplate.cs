namespace LeakAnalyzers.Bench.Generation;

/// <summary>
/// Per group of modules: the EF Core DbContext (DbSets, model configuration) and the registration class that adds the
/// DbContext and services and maps endpoints and middleware. A small share enables sensitive-data logging unguarded
/// (LEAK005).
/// </summary>
internal static class GroupTemplate
{
    public static string RenderDbContext(int group, IReadOnlyList<Module> modules)
    {
        var sets = string.Join("\n    ", modules.Select(m => $"public DbSet<{m.Entity}> {m.Entity}s => Set<{m.Entity}>();"));
        var config = string.Join("\n", modules.Select(m => $$"""
                    modelBuilder.Entity<{{m.Entity}}>(e =>
                    {
                        e.ToTable("{{m.Route}}");
                        e.HasKey(x => x.Id);
                        e.Property(x => x.Name).HasMaxLength(200).IsRequired();
                        e.Property(x => x.Amount).HasPrecision(18, 2);
                        e.HasIndex(x => x.Name);
                    });
            """));
        return $$"""
            using Microsoft.EntityFrameworkCore;

            namespace Contoso.Shop.G{{group}};

            public sealed class G{{group}}DbContext : DbContext
            {
                public G{{group}}DbContext(DbContextOptions<G{{group}}DbContext> options)
                    : base(options)
                {
                }

                {{sets}}

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    base.OnModelCreating(modelBuilder);
            {{config}}
                }
            }

            """;
    }

    public static string RenderRegistration(int group, IReadOnlyList<Module> modules, LeakDice dice)
    {
        var sensitive = dice.Leak("LEAK005")
            ? "options.EnableSensitiveDataLogging();"
            : "options.EnableSensitiveDataLogging(environment.IsDevelopment());";
        var services = string.Join("\n        ", modules.Select(m => $"services.AddScoped<{m.ServiceInterface}, {m.Service}>();"));
        var endpoints = string.Join("\n        ", modules.Select(m => $"app.Map{m.Entity}Endpoints();"));
        var middleware = string.Join("\n        ", modules.Where(m => m.HasMiddleware).Select(m => $"app.UseMiddleware<{m.Entity}AuditMiddleware>();"));
        return $$"""
            using Microsoft.EntityFrameworkCore;

            namespace Contoso.Shop.G{{group}};

            public static class G{{group}}Registration
            {
                public static IServiceCollection AddG{{group}}(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
                {
                    services.AddDbContext<G{{group}}DbContext>(options =>
                    {
                        options.UseNpgsql(configuration.GetConnectionString("G{{group}}"));
                        {{sensitive}}
                    });
                    {{services}}
                    return services;
                }

                public static WebApplication UseG{{group}}(this WebApplication app)
                {
                    {{middleware}}
                    {{endpoints}}
                    return app;
                }
            }

            """;
    }
}
