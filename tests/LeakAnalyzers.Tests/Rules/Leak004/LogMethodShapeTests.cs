using System.Linq;
using LeakAnalyzers.Knowledge;
using LeakAnalyzers.Rules.SecretInLog;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>The parameter roles of catalogued log methods, worked out once per method.</summary>
public class LogMethodShapeTests
{
    private static readonly Compilation Compilation = CSharpCompilation.Create("Shapes", new[] { CSharpSyntaxTree.ParseText("class C { }") }, References.Default);

    [Theory]
    [InlineData("Microsoft.Extensions.Logging.LoggerExtensions", "LogInformation", "Microsoft.Extensions.Logging.ILogger,System.String,System.Object[]", "Skip Template Params", true)]
    [InlineData("Microsoft.Extensions.Logging.LoggerExtensions", "LogError", "Microsoft.Extensions.Logging.ILogger,System.Exception,System.String,System.Object[]", "Skip Skip Template Params", true)]
    [InlineData("System.Diagnostics.Debug", "WriteLine", "System.String,System.String", "Value Category", false)]
    [InlineData("System.Console", "WriteLine", "System.String,System.Object[]", "Template Params", false)]
    [InlineData("Serilog.ILogger", "Information", "System.String,System.Object[]", "Template Params", true)]
    public void Roles_by_parameter(string type, string name, string parameterTypes, string roles, bool namedTemplates)
    {
        var method = Compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>()
            .Single(m => string.Join(",", m.Parameters.Select(p => Metadata(p.Type))) == parameterTypes);
        var shape = new LogMethodShapes(LogSinkSymbols.Create(Compilation)).For(method);

        Assert.Equal(roles, string.Join(" ", shape.Roles));
        Assert.Equal(namedTemplates, shape.UsesNamedTemplates);
        Assert.Equal(-1, shape.DestructureOrdinal);
    }

    [Fact]
    public void Serilog_destructure_flag_is_skipped_and_remembered()
    {
        var method = Compilation.GetTypeByMetadataName("Serilog.ILogger")!.GetMembers("ForContext").OfType<IMethodSymbol>()
            .Single(m => m.Parameters.Length == 3 && m.Parameters[2].Name == "destructureObjects");
        var shape = new LogMethodShapes(LogSinkSymbols.Create(Compilation)).For(method);

        Assert.Equal(LogParameterRole.Skip, shape.Roles[2]);
        Assert.Equal(2, shape.DestructureOrdinal);
    }

    [Fact]
    public void Generic_calls_share_their_definitions_shape_and_resolve_type_arguments_per_call()
    {
        var definition = Compilation.GetTypeByMetadataName("Serilog.ILogger")!.GetMembers("Information").OfType<IMethodSymbol>()
            .Single(m => m.Arity == 1 && m.Parameters.Length == 2);
        var shapes = new LogMethodShapes(LogSinkSymbols.Create(Compilation));
        var withException = definition.Construct(Compilation.GetTypeByMetadataName("System.Exception")!);
        var withString = definition.Construct(Compilation.GetSpecialType(SpecialType.System_String));

        var shape = shapes.For(withException);

        Assert.Same(shape, shapes.For(withString));
        Assert.Equal("Template ValueUnlessIgnoredType", string.Join(" ", shape.Roles));
        Assert.True(shapes.Symbols.IsIgnoredParameterType(withException.Parameters[1].Type));
        Assert.False(shapes.Symbols.IsIgnoredParameterType(withString.Parameters[1].Type));
    }

    [Fact]
    public void Generic_call_with_an_error_type_argument_keeps_its_template()
    {
        var definition = Compilation.GetTypeByMetadataName("Serilog.ILogger")!.GetMembers("Information").OfType<IMethodSymbol>()
            .Single(m => m.Arity == 1 && m.Parameters.Length == 2);
        var broken = definition.Construct(Compilation.CreateErrorTypeSymbol(null, "Missing", 0));

        var shape = new LogMethodShapes(LogSinkSymbols.Create(Compilation)).For(broken);

        Assert.Equal("Template ValueUnlessIgnoredType", string.Join(" ", shape.Roles));
    }

    private static string Metadata(ITypeSymbol type) => type is IArrayTypeSymbol array
        ? Metadata(array.ElementType) + "[]"
        : type.ContainingNamespace + "." + type.MetadataName;
}
