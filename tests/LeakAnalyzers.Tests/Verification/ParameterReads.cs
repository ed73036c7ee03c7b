using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Tests.Verification;

/// <summary>
/// The parameter reads of one method of a source compiled under <c>#nullable enable</c>, for tests of the answers kept
/// per type: there every read's <see cref="IOperation.Type"/> is a wrapper object of its own.
/// </summary>
internal static class ParameterReads
{
    public static (Compilation Compilation, List<IParameterReferenceOperation> Reads) Of(string source, string methodName)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Reads", new[] { tree }, References.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.Text == methodName);
        var reads = model.GetOperation(method)!.Descendants().OfType<IParameterReferenceOperation>().ToList();
        return (compilation, reads);
    }
}
