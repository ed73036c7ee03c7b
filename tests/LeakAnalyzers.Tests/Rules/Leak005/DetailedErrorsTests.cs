using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak005;

/// <summary>Detailed errors sent to clients: SignalR, gRPC, Blazor, host settings, Web API 2.</summary>
public sealed class DetailedErrorsTests
{
    [Fact]
    public Task SignalR_detailed_errors_true_is_reported_false_and_value_guards_are_not() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using Microsoft.AspNetCore.SignalR;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(o => [|o.EnableDetailedErrors = true|]);
            builder.Services.AddSignalR(o => o.EnableDetailedErrors = false);
            builder.Services.AddSignalR(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment());
            builder.Services.AddSignalR(o => o.EnableDetailedErrors = builder.Configuration.GetValue<bool>("SignalR:DetailedErrors"));
            builder.Services.Configure<HubOptions>(o => [|o.EnableDetailedErrors = true|]);
            """);

    [Fact]
    public Task SignalR_value_computed_from_a_non_Development_check_is_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using Microsoft.AspNetCore.SignalR;

            var builder = WebApplication.CreateBuilder(args);
            var isProduction = builder.Environment.IsProduction();
            builder.Services.AddSignalR(o => [|o.EnableDetailedErrors = !builder.Environment.IsProduction()|]);
            builder.Services.AddSignalR(o => [|o.EnableDetailedErrors = !isProduction|]);
            builder.Services.AddSignalR(o => o.EnableDetailedErrors = !builder.Environment.IsProduction() && builder.Environment.IsDevelopment());
            """);

    [Fact]
    public Task Hub_specific_options_and_object_initializers_are_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using Microsoft.AspNetCore.SignalR;

            public class ChatHub : Hub { }

            public static class Hubs
            {
                public static void AddHubs(this IServiceCollection services)
                {
                    services.AddSignalR().AddHubOptions<ChatHub>(o => [|o.EnableDetailedErrors = true|]);
                    var options = new HubOptions { [|EnableDetailedErrors = true|] };
                }
            }
            """);

    [Fact]
    public Task Grpc_detailed_errors_is_reported_unless_guarded() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using Grpc.AspNetCore.Server;

            public class Startup
            {
                private readonly IWebHostEnvironment _env;

                public Startup(IWebHostEnvironment env) => _env = env;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.Configure<GrpcServiceOptions>(o => [|o.EnableDetailedErrors = true|]);
                    services.Configure<GrpcServiceOptions>(o => o.EnableDetailedErrors = _env.IsDevelopment());
                    if (_env.IsDevelopment())
                        services.Configure<GrpcServiceOptions>(o => o.EnableDetailedErrors = true);
                    services.Configure<GrpcServiceOptions>(o => o.EnableDetailedErrors = null);
                }
            }
            """);

    [Fact]
    public Task Blazor_circuit_and_razor_component_detailed_errors_are_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Components.Server;
            using Microsoft.AspNetCore.Components.Endpoints;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<CircuitOptions>(o => [|o.DetailedErrors = true|]);
            builder.Services.Configure<RazorComponentsServiceOptions>(o => [|o.DetailedErrors = true|]);
            builder.Services.Configure<CircuitOptions>(o => o.DetailedErrors = builder.Environment.IsDevelopment());
            """);

    [Fact]
    public Task DetailedErrors_host_setting_is_reported_when_true() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.[|UseSetting(WebHostDefaults.DetailedErrorsKey, "true")|];
            builder.WebHost.[|UseSetting("detailedErrors", "True")|];
            builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "false");
            builder.WebHost.UseSetting(WebHostDefaults.ApplicationKey, "true");
            [|builder.Configuration[WebHostDefaults.DetailedErrorsKey] = "true"|];
            [|Environment.SetEnvironmentVariable("ASPNETCORE_DETAILEDERRORS", "true")|];
            if (builder.Environment.IsDevelopment())
                builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "true");
            """);

    [Fact]
    public Task DetailedErrors_setting_on_a_generic_web_host_builder_is_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            public static class Hosting
            {
                public static IHostBuilder Create(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.[|UseSetting("detailedErrors", "1")|]);
            }
            """);

    [Fact]
    public Task WebApi2_IncludeErrorDetailPolicy_Always_is_reported_other_policies_are_not() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            using System.Web.Http;

            public static class WebApiConfig
            {
                public static void Register(HttpConfiguration config)
                {
                    [|config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always|];
                    config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.LocalOnly;
                    config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Never;
            #if DEBUG
                    config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
            #endif
                }
            }
            """);
}
