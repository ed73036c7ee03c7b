using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak005;

/// <summary>Guards are recognised by the shape of the control flow, not by a Development check somewhere nearby.</summary>
public sealed class GuardShapeTests
{
    private static Task Verify(string body) =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync($$"""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
            {{body}}
                }
            }
            """);

    [Fact]
    public Task Else_of_a_negated_check_is_guarded() => Verify("""
                if (!env.IsDevelopment())
                    app.UseExceptionHandler("/error");
                else
                    app.UseDeveloperExceptionPage();
        """);

    [Fact]
    public Task Else_of_IsDevelopment_is_reported() => Verify("""
                if (env.IsDevelopment())
                    app.UseExceptionHandler("/error");
                else
                    app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task Else_of_IsProduction_is_not_a_guard() => Verify("""
                if (env.IsProduction())
                    app.UseExceptionHandler("/error");
                else
                    app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task Early_return_when_not_Development_guards_what_follows() => Verify("""
                if (!env.IsDevelopment())
                {
                    return;
                }
                app.UseDeveloperExceptionPage();
        """);

    [Fact]
    public Task Early_return_when_Production_is_not_a_guard() => Verify("""
                if (env.IsProduction())
                    return;
                app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task Early_throw_when_not_Development_guards_what_follows() => Verify("""
                if (env.EnvironmentName != "Development")
                    throw new InvalidOperationException("Development only");
                app.UseDeveloperExceptionPage();
        """);

    [Fact]
    public Task Early_return_after_the_call_does_not_guard_it() => Verify("""
                app.[|UseDeveloperExceptionPage()|];
                if (!env.IsDevelopment())
                    return;
        """);

    [Fact]
    public Task Early_return_with_an_unrelated_conjunct_is_not_a_guard() => Verify("""
                if (!env.IsDevelopment() && DateTime.Now.Hour > 12)
                    return;
                app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task IsEnvironment_Development_is_a_guard_but_IsEnvironment_Staging_is_not() => Verify("""
                if (env.IsEnvironment("Development"))
                    app.UseDeveloperExceptionPage();
                if (env.IsEnvironment("Staging"))
                    app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task EnvironmentName_comparisons_are_guards() => Verify("""
                if (env.EnvironmentName == "Development")
                    app.UseDeveloperExceptionPage();
                if (env.EnvironmentName == Environments.Development)
                    app.UseDeveloperExceptionPage();
                if (string.Equals(env.EnvironmentName, "development", StringComparison.OrdinalIgnoreCase))
                    app.UseDeveloperExceptionPage();
                if (env.EnvironmentName != "Production")
                    app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task The_Development_section_of_a_switch_on_EnvironmentName_is_a_guard() => Verify("""
                switch (env.EnvironmentName)
                {
                    case "Development":
                        app.UseDeveloperExceptionPage();
                        break;
                    case "Staging":
                        app.[|UseDeveloperExceptionPage()|];
                        break;
                    case "development" when DateTime.Now.Year > 2000:
                        app.UseDeveloperExceptionPage();
                        break;
                    case "Local":
                    case "DEVELOPMENT":
                        app.[|UseDeveloperExceptionPage()|];
                        break;
                    default:
                        app.UseExceptionHandler("/error");
                        break;
                }
                switch (DateTime.Now.DayOfWeek.ToString())
                {
                    case "Development":
                        app.[|UseDeveloperExceptionPage()|];
                        break;
                }
        """);

    [Fact]
    public Task The_Development_arm_of_a_switch_expression_on_EnvironmentName_is_a_guard() => Verify("""
                var configure = env.EnvironmentName switch
                {
                    "Development" => app.UseDeveloperExceptionPage(),
                    "Staging" => app.[|UseDeveloperExceptionPage()|],
                    _ => app.UseExceptionHandler("/error"),
                };
        """);

    [Fact]
    public Task A_local_holding_the_check_is_a_guard() => Verify("""
                var isDevelopment = env.IsDevelopment();
                if (isDevelopment)
                    app.UseDeveloperExceptionPage();
                if (isDevelopment is false)
                    app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task A_readonly_flag_the_constructor_sets_from_the_check_is_a_guard() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            public class Startup
            {
                private readonly bool _isDevelopment;
                private readonly bool _verbose;
                public Startup(IWebHostEnvironment env, IConfiguration configuration)
                {
                    _isDevelopment = env.IsDevelopment();
                    _verbose = configuration.GetValue<bool>("Verbose");
                }
                public void Configure(IApplicationBuilder app)
                {
                    if (_isDevelopment)
                        app.UseDeveloperExceptionPage();
                    if (_verbose)
                        app.[|UseDeveloperExceptionPage()|];
                }
            }
            """);

    [Fact]
    public Task A_check_elsewhere_in_the_method_does_not_guard() => Verify("""
                if (env.IsDevelopment())
                {
                    app.UseHttpsRedirection();
                }
                app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task Nested_guards_count_at_any_depth() => Verify("""
                if (env.IsDevelopment())
                {
                    if (DateTime.Now.Hour > 12)
                    {
                        foreach (var i in new[] { 1 })
                            app.UseDeveloperExceptionPage();
                    }
                }
        """);

    [Fact]
    public Task Inverted_double_negation_and_comparison_with_false_are_guards() => Verify("""
                if (!!env.IsDevelopment())
                    app.UseDeveloperExceptionPage();
                if (env.IsDevelopment() == false) { }
                else
                    app.UseDeveloperExceptionPage();
                if (!(env.IsDevelopment() || env.IsStaging()))
                    app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task Disjunction_with_another_environment_is_not_a_guard() => Verify("""
                if (env.IsDevelopment() || env.IsStaging())
                    app.[|UseDeveloperExceptionPage()|];
                if (env.IsDevelopment() && DateTime.Now.Hour > 12)
                    app.UseDeveloperExceptionPage();
        """);

    [Fact]
    public Task Conditional_expression_arm_is_guarded() => Verify("""
                var pipeline = env.IsDevelopment() ? app.UseDeveloperExceptionPage() : app.UseExceptionHandler("/error");
                var other = env.IsProduction() ? app.UseExceptionHandler("/error") : app.[|UseDeveloperExceptionPage()|];
        """);

    [Fact]
    public Task A_guard_in_the_calling_method_does_not_count() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                        UseDiagnostics(app);
                }

                private static void UseDiagnostics(IApplicationBuilder app) => app.[|UseDeveloperExceptionPage()|];
            }
            """);

    [Fact]
    public Task A_lambda_registered_inside_a_guard_is_guarded_and_one_outside_is_not() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddSignalR(o => o.EnableDetailedErrors = true);
            }
            builder.Services.AddSignalR(o => [|o.EnableDetailedErrors = true|]);
            """);

    [Fact]
    public Task Guard_inside_the_options_lambda_counts() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(o =>
            {
                if (builder.Environment.IsDevelopment())
                    o.EnableDetailedErrors = true;
            });
            """);

    [Fact]
    public Task If_DEBUG_region_is_a_guard() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            #define DEBUG
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
            #if DEBUG
                    app.UseDeveloperExceptionPage();
            #endif
            #if !DEBUG
            #else
                    app.UseDeveloperExceptionPage();
            #endif
            #if DEBUG || TRACE
                    app.[|UseDeveloperExceptionPage()|];
            #endif
            #if !DEBUG || true
                    app.[|UseDeveloperExceptionPage()|];
            #endif
                    app.[|UseDeveloperExceptionPage()|];
                }
            }
            """);

    [Fact]
    public Task If_DEBUG_elif_branches_are_judged_one_by_one() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            #define TRACE
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
            #if !DEBUG && RELEASE
            #elif TRACE
                    app.[|UseDeveloperExceptionPage()|];
            #endif
            #if DEBUG
            #elif TRACE && DEBUG
            #else
                    app.[|UseDeveloperExceptionPage()|];
            #endif
                }
            }
            """);

    [Fact]
    public Task Catch_filtered_on_Development_is_guarded() => Verify("""
                try { }
                catch (Exception) when (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
        """);

    [Fact]
    public Task Generated_code_is_skipped()
    {
        var test = new LeakTest(new DebugFeatureOutsideDevelopmentAnalyzer());
        test.Sources.Add("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app) => app.[|UseDeveloperExceptionPage()|];
            }
            """);
        test.ExtraDocuments.Add(("Startup.g.cs", """
            public class GeneratedStartup
            {
                public void Configure(IApplicationBuilder app) => app.UseDeveloperExceptionPage();
            }
            """));
        test.ExtraDocuments.Add(("Marked.cs", """
            // <auto-generated/>
            public class MarkedStartup
            {
                public void Configure(IApplicationBuilder app) => app.UseDeveloperExceptionPage();
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_hosting_types_nothing_is_reported()
    {
        var test = new LeakTest(new DebugFeatureOutsideDevelopmentAnalyzer()) { ImplicitUsings = false };
        test.Sources.Add("""
            public static class Own
            {
                public static void UseDeveloperExceptionPage(this object app) { }
                public static void Run() => new object().UseDeveloperExceptionPage();
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Startup_convention_members_for_Development_are_guards() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using Microsoft.AspNetCore.SignalR;

            public class Startup
            {
                public void ConfigureDevelopmentServices(IServiceCollection services) =>
                    services.AddSignalR(o => o.EnableDetailedErrors = true);

                public void ConfigureDevelopment(IApplicationBuilder app) => app.UseDeveloperExceptionPage();

                public void ConfigureStaging(IApplicationBuilder app) => app.[|UseDeveloperExceptionPage()|];

                public void Configure(IApplicationBuilder app) => app.[|UseDeveloperExceptionPage()|];
            }

            public class StartupDevelopment
            {
                public void Configure(IApplicationBuilder app) => app.UseDeveloperExceptionPage();
            }

            public class StartupProduction
            {
                public void Configure(IApplicationBuilder app) => app.[|UseDeveloperExceptionPage()|];
            }
            """);
}
