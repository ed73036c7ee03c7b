using System.Linq;
using LeakAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.Tests.Flow;

/// <summary>Operation trees to check the analyzers' helpers against Roslyn's own answers.</summary>
internal static class CorpusOperations
{
    /// <summary>The operation trees of every method, lambda and local function of the snippet corpus.</summary>
    public static async Task<List<IOperation>> Bodies() => BodiesOf(await CompileAsync(SnippetCorpus.All.Select(s => ($"{s.Name}.cs", s.Source)).ToList()));

    /// <summary>The same for some sources of a test's own.</summary>
    public static async Task<List<IOperation>> BodiesOf(params string[] sources) =>
        BodiesOf(await CompileAsync(sources.Select((s, i) => ($"Source{i}.cs", s)).ToList()));

    private static async Task<Compilation> CompileAsync(List<(string, string)> documents) =>
        (await RobustnessHarness.CreateProject(new SweepInput("corpus", documents)).GetCompilationAsync())!;

    private static List<IOperation> BodiesOf(Compilation compilation)
    {
        var bodies = new List<IOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var body in tree.GetRoot().DescendantNodes().Where(n => n is BaseMethodDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            {
                if (model.GetOperation(body) is { } root)
                    bodies.Add(root);
            }
        }
        return bodies;
    }
}
