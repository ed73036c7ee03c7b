using System.Collections.Immutable;
using LeakAnalyzers.Rules;
using Microsoft.CodeAnalysis.Diagnostics;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak005;

/// <summary>Forcing the Development environment in code makes every Development guard downstream meaningless.</summary>
public sealed class ForcedEnvironmentTests
{
    [Fact]
    public Task UseEnvironment_Development_is_reported_other_environments_are_not() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.[|UseEnvironment("Development")|];
            builder.WebHost.[|UseEnvironment(Environments.Development)|];
            builder.WebHost.UseEnvironment("Staging");
            builder.Host.[|UseEnvironment("Development")|];
            builder.WebHost.[|UseSetting(WebHostDefaults.EnvironmentKey, "Development")|];
            """);

    [Fact]
    public Task EnvironmentName_assignments_are_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, [|EnvironmentName = "Development"|] });
            var settings = new HostApplicationBuilderSettings { [|EnvironmentName = Environments.Development|] };
            var production = new WebApplicationOptions { EnvironmentName = Environments.Production };
            [|builder.Environment.EnvironmentName = "Development"|];
            """);

    [Fact]
    public Task Environment_variables_forcing_Development_are_reported() =>
        Verify<DebugFeatureOutsideDevelopmentAnalyzer>.DiagnosticsAsync("""
            public static class Boot
            {
                public static void Force()
                {
                    [|Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Development")|];
                    [|Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Development", EnvironmentVariableTarget.Process)|];
                    Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Production");
                    Environment.SetEnvironmentVariable("OTHER", "Development");
                }
            }
            """);

    [Fact]
    public async Task Forcing_Development_says_what_to_do_instead_of_guarding()
    {
        var solution = TestWorkspace.Create(new[]
        {
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseEnvironment("Development");
            var app = builder.Build();
            app.UseDeveloperExceptionPage();
            """,
        }, Array.Empty<(string, string)>(), null, implicitUsings: true, outputKind: null);
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(solution.Projects.Single(),
            ImmutableArray.Create<DiagnosticAnalyzer>(new DebugFeatureOutsideDevelopmentAnalyzer()));
        Assert.Collection(diagnostics,
            forced => Assert.Equal(
                "'UseEnvironment(\"Development\")' forces the Development environment in code, which turns every IsDevelopment() guard on; set the environment outside the code (launchSettings.json, ASPNETCORE_ENVIRONMENT)",
                forced.GetMessage()),
            page => Assert.Equal("'UseDeveloperExceptionPage' is enabled outside Development; guard it with IsDevelopment()", page.GetMessage()));
    }
}
