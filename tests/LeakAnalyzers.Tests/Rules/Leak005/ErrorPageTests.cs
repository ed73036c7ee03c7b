using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak005;

/// <summary>Developer exception page, database error page, migrations endpoint: every call is a feature switch.</summary>
public sealed class ErrorPageTests
{
    [Fact]
    public Task DeveloperExceptionPage_in_top_level_statements_is_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseDeveloperExceptionPage()|];
            app.Run();
            """);

    [Fact]
    public Task DeveloperExceptionPage_under_IsDevelopment_is_not_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            app.Run();
            """);

    [Fact]
    public Task Startup_Configure_unguarded_is_reported_and_guarded_twin_is_not() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.[|UseDeveloperExceptionPage()|];
                }
            }

            public class CleanStartup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                        app.UseDeveloperExceptionPage();
                    else
                        app.UseExceptionHandler("/error");
                }
            }
            """);

    [Fact]
    public Task Call_in_the_middle_of_a_fluent_chain_is_marked_from_its_name() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            public static class Pipeline
            {
                public static IApplicationBuilder UsePipeline(this IApplicationBuilder app) =>
                    app.UseRouting()
                       .[|UseDeveloperExceptionPage()|]
                       .UseAuthorization();
            }
            """);

    [Fact]
    public Task DatabaseErrorPage_and_MigrationsEndPoint_are_reported_in_an_extension_method() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            #pragma warning disable CS0618
            public static class DatabasePages
            {
                public static WebApplication UseDatabasePages(this WebApplication app)
                {
                    app.[|UseDatabaseErrorPage()|];
                    app.[|UseMigrationsEndPoint()|];
                    return app;
                }

                public static WebApplication UseDatabasePagesSafely(this WebApplication app)
                {
                    if (app.Environment.IsDevelopment())
                    {
                        app.UseDatabaseErrorPage();
                        app.UseMigrationsEndPoint();
                    }
                    return app;
                }
            }
            """);
}
