using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// The operation bodies of the project's own methods, local functions and property getters, so the engine can follow
/// a value through <c>Explain(ex)</c>. Bodies are built once per method per compilation.
/// </summary>
internal sealed class CalleeBodies
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public CalleeBodies(Compilation compilation) => _compilation = compilation;

    public IOperation? GetBody(IMethodSymbol method, IOperation callSite)
    {
        method = method.PartialImplementationPart ?? method;
        method = method.ReducedFrom ?? method;
        method = method.OriginalDefinition;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.PropertyGet) || method.DeclaringSyntaxReferences.Length != 1)
            return null;
        if (_bodies.TryGetValue(method, out var known))
            return known;
        return _bodies.GetOrAdd(method, Build(method, callSite.SemanticModel));
    }

    private IOperation? Build(IMethodSymbol method, SemanticModel? callSiteModel)
    {
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        var model = callSiteModel is not null && callSiteModel.SyntaxTree == syntax.SyntaxTree
            ? callSiteModel
            : ModelOf(syntax.SyntaxTree);
        if (model is null)
            return null;
        return syntax switch
        {
            MethodDeclarationSyntax declaration => model.GetOperation(declaration),
            LocalFunctionStatementSyntax localFunction => (model.GetOperation(localFunction) as ILocalFunctionOperation)?.Body,
            // Getters: `string Text => ...;` (the arrow is the getter's syntax) and `get { ... }` / `get => ...;`; an
            // auto-property's `get;` has no body to follow.
            ArrowExpressionClauseSyntax arrow => model.GetOperation(arrow),
            AccessorDeclarationSyntax { Body: null, ExpressionBody: null } => null,
            AccessorDeclarationSyntax accessor => model.GetOperation(accessor),
            _ => null,
        };
    }

    /// <summary>
    /// The semantic model of a tree of this compilation, created at most once (see <see cref="GetModel"/>); null for a
    /// tree of another project (a symbol from a project reference has its syntax there).
    /// </summary>
    public SemanticModel? ModelOf(SyntaxTree tree) => _compilation.ContainsSyntaxTree(tree) ? _models.GetOrAdd(tree, GetModel) : null;

    // The engine follows calls into other files, which needs their semantic models; they are created at most once
    // per tree for the whole compilation (the analysis of a call site already holds its own file's model).
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
    private SemanticModel GetModel(SyntaxTree tree) => _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
}
