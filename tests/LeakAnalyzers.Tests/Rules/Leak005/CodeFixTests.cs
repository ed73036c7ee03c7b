using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak005;

/// <summary>The fix wraps the statement in <c>if (env.IsDevelopment())</c> or replaces a constant true.</summary>
public sealed class CodeFixTests
{
    private static Task Fix(string source, string fixedSource) =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer, GuardWithIsDevelopmentCodeFix>.FixAsync(source, fixedSource);

    [Fact]
    public Task Top_level_statement_is_wrapped_with_app_Environment() => Fix("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.[|UseDeveloperExceptionPage()|];
        app.Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        app.Run();
        """);

    [Fact]
    public Task Startup_uses_the_injected_environment_parameter() => Fix("""
        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                app.UseRouting();
                app.[|UseDeveloperExceptionPage()|]; // keep me
                app.UseAuthorization();
            }
        }
        """, """
        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                app.UseRouting();
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage(); // keep me
                }
                app.UseAuthorization();
            }
        }
        """);

    [Fact]
    public Task Constant_true_becomes_IsDevelopment_with_builder_Environment() => Fix("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR(o => [|o.EnableDetailedErrors = true|]);
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment());
        """);

    [Fact]
    public Task Omitted_flag_argument_gets_IsDevelopment_mid_chain() => Fix("""
        using Microsoft.EntityFrameworkCore;

        public class AppDb(DbContextOptions<AppDb> options) : DbContext(options);

        public static class Data
        {
            public static IServiceCollection AddData(this IServiceCollection services, IHostEnvironment environment) =>
                services.AddDbContext<AppDb>(o => o.UseNpgsql("Host=db")
                    .[|EnableSensitiveDataLogging()|]
                    .[|EnableDetailedErrors(true)|]);
        }
        """, """
        using Microsoft.EntityFrameworkCore;

        public class AppDb(DbContextOptions<AppDb> options) : DbContext(options);

        public static class Data
        {
            public static IServiceCollection AddData(this IServiceCollection services, IHostEnvironment environment) =>
                services.AddDbContext<AppDb>(o => o.UseNpgsql("Host=db")
                    .EnableSensitiveDataLogging(environment.IsDevelopment())
                    .EnableDetailedErrors(environment.IsDevelopment()));
        }
        """);

    [Fact]
    public Task Injected_field_is_used_in_OnConfiguring() => Fix("""
        using Microsoft.EntityFrameworkCore;

        public class AppDb : DbContext
        {
            private readonly IHostEnvironment _env;

            public AppDb(IHostEnvironment env) => _env = env;

            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            {
                optionsBuilder.[|EnableSensitiveDataLogging()|];
            }
        }
        """, """
        using Microsoft.EntityFrameworkCore;

        public class AppDb : DbContext
        {
            private readonly IHostEnvironment _env;

            public AppDb(IHostEnvironment env) => _env = env;

            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            {
                optionsBuilder.EnableSensitiveDataLogging(_env.IsDevelopment());
            }
        }
        """);

    [Fact]
    public Task FixAll_handles_two_hits_in_one_block_and_a_third_in_another_method() => Fix("""
        #pragma warning disable CS0618
        public static class Diagnostics
        {
            public static WebApplication UseDiagnostics(this WebApplication app)
            {
                app.[|UseDeveloperExceptionPage()|];
                app.[|UseDatabaseErrorPage()|];
                return app;
            }

            public static WebApplicationBuilder AddDiagnostics(this WebApplicationBuilder builder)
            {
                builder.WebHost.[|UseSetting(WebHostDefaults.DetailedErrorsKey, "true")|];
                return builder;
            }
        }
        """, """
        #pragma warning disable CS0618
        public static class Diagnostics
        {
            public static WebApplication UseDiagnostics(this WebApplication app)
            {
                if (app.Environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                if (app.Environment.IsDevelopment())
                {
                    app.UseDatabaseErrorPage();
                }
                return app;
            }

            public static WebApplicationBuilder AddDiagnostics(this WebApplicationBuilder builder)
            {
                if (builder.Environment.IsDevelopment())
                {
                    builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "true");
                }
                return builder;
            }
        }
        """);

    [Fact]
    public Task Missing_using_for_IsDevelopment_is_added()
    {
        var test = new LeakTest(new DebugFeatureOutsideDevelopmentAnalyzer(), new GuardWithIsDevelopmentCodeFix()) { ImplicitUsings = false };
        test.Sources.Add("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.[|UseDeveloperExceptionPage()|];
                }
            }
            """);
        test.FixedSources.Add("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Static_property_in_a_lambda_body_uses_the_lambda_context() => Fix("""
        using Microsoft.IdentityModel.Logging;

        public static class Hosting
        {
            public static IHostBuilder Create(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureServices((context, services) =>
                {
                    [|IdentityModelEventSource.ShowPII = true|];
                });
        }
        """, """
        using Microsoft.IdentityModel.Logging;

        public static class Hosting
        {
            public static IHostBuilder Create(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureServices((context, services) =>
                {
                    IdentityModelEventSource.ShowPII = context.HostingEnvironment.IsDevelopment();
                });
        }
        """);

    [Fact]
    public Task No_fix_when_no_environment_is_reachable() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer, GuardWithIsDevelopmentCodeFix>.NoFixAsync("""
            using Microsoft.EntityFrameworkCore;

            public class AppDb : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                    optionsBuilder.[|EnableSensitiveDataLogging()|];
            }

            public static class Pipeline
            {
                public static IApplicationBuilder UsePipeline(this IApplicationBuilder app) => app.[|UseDeveloperExceptionPage()|];
            }
            """);

    [Fact]
    public Task No_fix_for_an_instance_field_from_a_static_method_or_a_later_local() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer, GuardWithIsDevelopmentCodeFix>.NoFixAsync("""
            public class Startup
            {
                private readonly IWebHostEnvironment _env = null!;

                public static void Configure(IApplicationBuilder app)
                {
                    app.[|UseDeveloperExceptionPage()|];
                    IWebHostEnvironment later = null!;
                }
            }
            """);

    [Fact]
    public Task No_fix_for_forcing_Development_or_for_a_call_mid_chain() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer, GuardWithIsDevelopmentCodeFix>.NoFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.[|UseEnvironment("Development")|];
            var app = builder.Build();
            app.UseRouting().[|UseDeveloperExceptionPage()|].UseAuthorization();
            """);

    [Fact]
    public Task Computed_value_in_a_block_lambda_is_wrapped_not_replaced() => Fix("""
        using Microsoft.AspNetCore.SignalR;

        public class Startup(IWebHostEnvironment environment)
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.Configure<HubOptions>(o =>
                {
                    [|o.EnableDetailedErrors = !environment.IsProduction()|];
                });
            }
        }
        """, """
        using Microsoft.AspNetCore.SignalR;

        public class Startup(IWebHostEnvironment environment)
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.Configure<HubOptions>(o =>
                {
                    if (environment.IsDevelopment())
                    {
                        o.EnableDetailedErrors = !environment.IsProduction();
                    }
                });
            }
        }
        """);

    [Fact]
    public Task Configuration_indexer_and_Web_API_policy_are_wrapped() => Fix("""
        using System.Web.Http;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Configuration[WebHostDefaults.DetailedErrorsKey] = "true"|];
        var config = new HttpConfiguration();
        [|config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always|];
        """, """
        using System.Web.Http;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration[WebHostDefaults.DetailedErrorsKey] = "true";
        }
        var config = new HttpConfiguration();
        if (builder.Environment.IsDevelopment())
        {
            config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
        }
        """);

    [Fact]
    public Task Embedded_else_statement_is_wrapped() => Fix("""
        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsProduction())
                    app.UseExceptionHandler("/error");
                else
                    app.[|UseDeveloperExceptionPage()|];
            }
        }
        """, """
        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsProduction())
                    app.UseExceptionHandler("/error");
                else if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
            }
        }
        """);

    [Fact]
    public Task Embedded_statement_of_another_if_gets_a_block() => Fix("""
        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env, bool verbose)
            {
                if (verbose)
                    app.[|UseDeveloperExceptionPage()|];
            }
        }
        """, """
        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env, bool verbose)
            {
                if (verbose)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task No_fix_before_the_builder_exists() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer, GuardWithIsDevelopmentCodeFix>.NoFixAsync("""
            using Microsoft.IdentityModel.Logging;

            [|IdentityModelEventSource.ShowPII = true|];
            var builder = WebApplication.CreateBuilder(args);
            """);

    [Fact]
    public Task No_fix_inside_a_static_lambda_or_from_static_code_with_a_primary_constructor() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer, GuardWithIsDevelopmentCodeFix>.NoFixAsync("""
            using Microsoft.AspNetCore.SignalR;

            public class Registrations(IHostEnvironment env)
            {
                public void Add(IServiceCollection services, WebApplicationBuilder builder) =>
                    services.AddSignalR(static o => [|o.EnableDetailedErrors = true|]);

                public static void AddStatic(IServiceCollection services) =>
                    services.AddSignalR(o => [|o.EnableDetailedErrors = true|]);
            }
            """);

    [Fact]
    public Task Environment_declared_inside_a_static_lambda_is_used() => Fix("""
        using Microsoft.AspNetCore.SignalR;

        public static class Registrations
        {
            public static void Add(IServiceCollection services) =>
                services.AddOptions<HubOptions>().Configure<IHostEnvironment>(static (o, environment) => [|o.EnableDetailedErrors = true|]);
        }
        """, """
        using Microsoft.AspNetCore.SignalR;

        public static class Registrations
        {
            public static void Add(IServiceCollection services) =>
                services.AddOptions<HubOptions>().Configure<IHostEnvironment>(static (o, environment) => o.EnableDetailedErrors = environment.IsDevelopment());
        }
        """);

    [Fact]
    public Task HostApplicationBuilder_and_an_environment_property_are_found() => Fix("""
        using Microsoft.EntityFrameworkCore;

        public class Worker
        {
            public static void Main(string[] args)
            {
                var builder = Host.CreateApplicationBuilder(args);
                builder.Services.AddDbContext<DbContext>(o => o.[|EnableDetailedErrors()|]);
            }
        }

        public class Setup
        {
            public IHostEnvironment Environment { get; } = null!;

            public void Configure(DbContextOptionsBuilder options) => options.[|EnableSensitiveDataLogging()|];
        }
        """, """
        using Microsoft.EntityFrameworkCore;

        public class Worker
        {
            public static void Main(string[] args)
            {
                var builder = Host.CreateApplicationBuilder(args);
                builder.Services.AddDbContext<DbContext>(o => o.EnableDetailedErrors(builder.Environment.IsDevelopment()));
            }
        }

        public class Setup
        {
            public IHostEnvironment Environment { get; } = null!;

            public void Configure(DbContextOptionsBuilder options) => options.EnableSensitiveDataLogging(Environment.IsDevelopment());
        }
        """);
}
