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
        new[]
        {
            CSharpSyntaxTree.ParseText("namespace Shop.Errors { public static class Api { public sealed class Gone : System.Exception { } } }"),
            // The project declares a type a reference declares too: its own wins.
            CSharpSyntaxTree.ParseText("namespace Microsoft.AspNetCore.Http { internal sealed class StatusCodes { } internal class Generic<T> { public class Inner { } } }"),
        },
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
    // Malformed names, as a user may write them in an option (deliberate_exception_types): null, never an exception.
    [InlineData("+Gone")]
    [InlineData("Shop.Errors.Api+")]
    [InlineData("Shop..Errors.Api")]
    [InlineData("Shop.Errors.")]
    [InlineData(".Api")]
    [InlineData("`1")]
    [InlineData("List`x")]
    [InlineData("")]
    public void Answers_like_GetTypeByMetadataName(string metadataName)
    {
        var expected = Compilation.GetTypeByMetadataName(metadataName);
        Assert.Equal(expected, KnownTypes.Find(Compilation, metadataName), SymbolEqualityComparer.Default);
    }

    /// <summary>
    /// Every type of the project and of every referenced assembly, public or not, top-level or nested, generic or not,
    /// by its metadata name: the same answer as GetTypeByMetadataName, including null where several assemblies declare
    /// the name.
    /// </summary>
    [Fact]
    public void Answers_like_GetTypeByMetadataName_for_every_type_of_the_compilation_and_its_references()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var assembly in Compilation.References.Select(Compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Append(Compilation.Assembly))
            Collect(assembly.GlobalNamespace, names);
        var differences = new List<string>();
        var found = 0;
        foreach (var name in names)
        {
            var expected = Compilation.GetTypeByMetadataName(name);
            if (expected is not null)
                found++;
            var actual = KnownTypes.Find(Compilation, name);
            if (!SymbolEqualityComparer.Default.Equals(expected, actual))
                differences.Add($"{name}: expected {expected?.ContainingAssembly.Name ?? "null"}, got {actual?.ContainingAssembly.Name ?? "null"}");
        }
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(50)));
        // Enough names, and some of them ambiguous (GetTypeByMetadataName answers null for those).
        Assert.True(names.Count > 10_000 && found > 10_000 && found < names.Count, $"{names.Count} names, {found} found");
        Assert.Equal("KnownTypes", KnownTypes.Find(Compilation, "Microsoft.AspNetCore.Http.StatusCodes")!.ContainingAssembly.Name);
    }

    private static void Collect(INamespaceSymbol ns, ISet<string> names)
    {
        foreach (var type in ns.GetTypeMembers())
            Collect(type, ns.IsGlobalNamespace ? type.MetadataName : ns.ToDisplayString() + "." + type.MetadataName, names);
        foreach (var child in ns.GetNamespaceMembers())
            Collect(child, names);
    }

    private static void Collect(INamedTypeSymbol type, string name, ISet<string> names)
    {
        names.Add(name);
        foreach (var nested in type.GetTypeMembers())
            Collect(nested, name + "+" + nested.MetadataName, names);
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
