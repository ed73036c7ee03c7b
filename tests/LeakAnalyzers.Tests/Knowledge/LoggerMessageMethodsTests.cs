using System.IO;
using System.Linq;
using LeakAnalyzers.Knowledge;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LeakAnalyzers.Tests.Knowledge;

/// <summary><c>[LoggerMessage]</c> methods are recognised in the project and in referenced assemblies, and only those.</summary>
public class LoggerMessageMethodsTests
{
    private const string LibrarySource = """
        using Microsoft.Extensions.Logging;
        namespace Shared.Logging;
        public static class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Issued {Token}")]
            public static void Issued(ILogger logger, string token) { }

            public static void Plain(ILogger logger, string token) { }
        }
        """;

    private const string PlainLibrarySource = """
        namespace Shared.Plain;
        public static class Helpers
        {
            public static void Touch(string value) { }
        }
        """;

    // The generator's implementation part is absent here; the declaration alone carries the attribute.
    private const string Source = """
        using Microsoft.Extensions.Logging;
        public static partial class Local
        {
            [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Using {Key}")]
            public static partial void Using(ILogger logger, string key);
        }
        """;

    [Fact]
    public void Recognises_project_and_referenced_methods_and_rejects_the_rest()
    {
        var library = Emit("Shared.Logging", LibrarySource);
        var plain = Emit("Shared.Plain", PlainLibrarySource);
        var compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(Source) },
            References.Default.Add(library).Add(plain), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var symbols = LogSinkSymbols.Create(compilation);

        Assert.NotNull(symbols.GetLoggerMessageAttribute(Method(compilation, "Local", "Using")));
        Assert.NotNull(symbols.GetLoggerMessageAttribute(Method(compilation, "Shared.Logging.Log", "Issued")));
        Assert.Null(symbols.GetLoggerMessageAttribute(Method(compilation, "Shared.Logging.Log", "Plain")));
        Assert.Null(symbols.GetLoggerMessageAttribute(Method(compilation, "Shared.Plain.Helpers", "Touch")));
        Assert.Null(symbols.GetLoggerMessageAttribute(Method(compilation, "System.Console", "Beep")));
    }

    private static IMethodSymbol Method(Compilation compilation, string type, string name) =>
        compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().First(m => m.Parameters.Length <= 2);

    private static MetadataReference Emit(string name, string source)
    {
        var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, References.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
