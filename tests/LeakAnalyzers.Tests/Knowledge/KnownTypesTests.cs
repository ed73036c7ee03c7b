using LeakAnalyzers.Knowledge;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LeakAnalyzers.Tests.Knowledge;

/// <summary>The catalogue lookup answers like GetTypeByMetadataName, skipping namespaces the compilation lacks.</summary>
public class KnownTypesTests
{
    private static readonly Compilation Compilation = CSharpCompilation.Create(
        "KnownTypes",
        new[] { CSharpSyntaxTree.ParseText("namespace Shop.Errors { public static class Api { public sealed class Gone : System.Exception { } } }") },
        References.Default);

    [Theory]
    [InlineData("System.Exception")]
    [InlineData("System.Collections.Generic.KeyValuePair`2")]
    [InlineData("Microsoft.AspNetCore.Http.HttpContext")]
    [InlineData("Shop.Errors.Api+Gone")]
    [InlineData("System.Web.Http.HttpConfiguration")]
    [InlineData("Grpc.Core.RpcException")]
    [InlineData("System.NoSuchType")]
    [InlineData("NoNamespaceType")]
    public void Answers_like_GetTypeByMetadataName(string metadataName)
    {
        var expected = Compilation.GetTypeByMetadataName(metadataName);
        Assert.Equal(expected, KnownTypes.Find(Compilation, metadataName), SymbolEqualityComparer.Default);
    }

    [Fact]
    public void Finds_framework_and_source_types()
    {
        Assert.NotNull(KnownTypes.Find(Compilation, "Microsoft.AspNetCore.Http.HttpContext"));
        Assert.NotNull(KnownTypes.Find(Compilation, "Shop.Errors.Api+Gone"));
        Assert.Null(KnownTypes.Find(Compilation, "Legacy.Framework.Widget"));
        Assert.Null(KnownTypes.Find(Compilation, "System.Legacy.Widget"));
    }
}
