using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak005;

/// <summary>EF Core sensitive-data logging and detailed errors; IdentityModel PII and complete security artifacts.</summary>
public sealed class SensitiveDataTests
{
    [Fact]
    public Task EF_sensitive_data_logging_and_detailed_errors_without_argument_or_true_are_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using Microsoft.EntityFrameworkCore;

            public class AppDb(DbContextOptions<AppDb> options) : DbContext(options);

            public static class Data
            {
                public static IServiceCollection AddData(this IServiceCollection services, IHostEnvironment env) =>
                    services.AddDbContext<AppDb>(o => o.UseNpgsql("Host=db")
                        .[|EnableSensitiveDataLogging()|]
                        .[|EnableDetailedErrors(true)|]);

                public static IServiceCollection AddDataSafely(this IServiceCollection services, IHostEnvironment env) =>
                    services.AddDbContext<AppDb>(o => o.UseNpgsql("Host=db")
                        .EnableSensitiveDataLogging(env.IsDevelopment())
                        .EnableDetailedErrors(false));
            }
            """);

    [Fact]
    public Task EF_OnConfiguring_is_reported_unless_guarded() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            #define DEBUG
            using Microsoft.EntityFrameworkCore;

            public class AppDb : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                {
                    optionsBuilder.[|EnableSensitiveDataLogging()|];
            #if DEBUG
                    optionsBuilder.EnableDetailedErrors();
            #endif
                }
            }

            public class OtherDb : DbContext
            {
                private readonly IHostEnvironment _env;

                public OtherDb(IHostEnvironment env) => _env = env;

                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                {
                    if (!_env.IsDevelopment())
                        return;
                    optionsBuilder.EnableSensitiveDataLogging();
                }
            }
            """);

    [Fact]
    public Task EF_generic_options_builder_is_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using Microsoft.EntityFrameworkCore;

            public class AppDb(DbContextOptions<AppDb> options) : DbContext(options);

            public static class Data
            {
                public static DbContextOptions<AppDb> Build(bool fromConfiguration)
                {
                    var builder = new DbContextOptionsBuilder<AppDb>();
                    builder.[|EnableSensitiveDataLogging(sensitiveDataLoggingEnabled: true)|];
                    builder.EnableDetailedErrors(fromConfiguration);
                    return builder.Options;
                }
            }
            """);

    [Fact]
    public Task IdentityModel_ShowPII_and_LogCompleteSecurityArtifact_true_are_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using Microsoft.IdentityModel.Logging;

            var builder = WebApplication.CreateBuilder(args);
            [|IdentityModelEventSource.ShowPII = true|];
            [|IdentityModelEventSource.LogCompleteSecurityArtifact = true|];
            IdentityModelEventSource.ShowPII = false;
            IdentityModelEventSource.ShowPII = builder.Environment.IsDevelopment();
            if (builder.Environment.IsDevelopment())
            {
                IdentityModelEventSource.LogCompleteSecurityArtifact = true;
            }
            """);
}
