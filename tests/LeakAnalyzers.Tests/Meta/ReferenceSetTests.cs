using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeakAnalyzers.Tests.Meta;

/// <summary>The verifier's reference set resolves every framework and stub type the rules are matched against.</summary>
public class ReferenceSetTests
{
    [Theory]
    [InlineData("Microsoft.AspNetCore.Mvc.ControllerBase")]
    [InlineData("Microsoft.AspNetCore.Http.Results")]
    [InlineData("Microsoft.AspNetCore.SignalR.HubException")]
    [InlineData("Npgsql.PostgresException")]
    [InlineData("Microsoft.EntityFrameworkCore.DbUpdateException")]
    [InlineData("Serilog.ILogger")]
    [InlineData("NLog.Logger")]
    [InlineData("FluentValidation.ValidationException")]
    [InlineData("Grpc.Core.RpcException")]
    [InlineData("System.Web.Http.ApiController")]
    [InlineData("System.Web.HttpResponse")]
    [InlineData("Newtonsoft.Json.JsonConvert")]
    [InlineData("Microsoft.IdentityModel.Logging.IdentityModelEventSource")]
    public async Task Type_is_resolvable(string metadataName)
    {
        var solution = TestWorkspace.Create(new[] { "class C { }" }, Array.Empty<(string, string)>(), null, true, null);
        var compilation = await AnalyzerRunner.CompileAsync(solution.Projects.Single());
        Assert.NotNull(compilation.GetTypeByMetadataName(metadataName));
    }

    [Fact]
    public async Task Markup_is_parsed_with_nesting()
    {
        var (source, expected) = Markup.Parse("a{|LEAK002:b[|c|]|}d", "LEAK001");
        Assert.Equal("abcd", source);
        Assert.Contains(new ExpectedDiagnostic("LEAK001", new Microsoft.CodeAnalysis.Text.TextSpan(2, 1)), expected);
        Assert.Contains(new ExpectedDiagnostic("LEAK002", new Microsoft.CodeAnalysis.Text.TextSpan(1, 2)), expected);
        await Task.CompletedTask;
    }
}
