using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Decides which parts of a reported value carry exception or database data, so the generic replacement can keep
/// the harmless parts (status codes, request IDs) and drop or replace the rest. A cheap syntactic-semantic
/// approximation of the analyzer's taint flow: the analyzer already proved the whole value leaks.
/// </summary>
internal sealed class TaintProbe
{
    private const int MaxLocalDepth = 3;

    // Types whose values (or whose members' values) are exception or database data.
    private static readonly string[] SourceTypes =
    {
        "System.Exception", "System.Data.Common.DbCommand", "System.Data.IDbCommand", "System.Data.Common.DbConnection",
        "System.Data.IDbConnection",
    };

    private readonly SemanticModel _model;
    private readonly ImmutableArray<TextSpan> _reads;
    private readonly INamedTypeSymbol?[] _sourceTypes;
    private readonly CancellationToken _cancellationToken;

    public TaintProbe(SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        _model = model;
        _reads = diagnostic.AdditionalLocations.Where(l => l.IsInSource).Select(l => l.SourceSpan).ToImmutableArray();
        _sourceTypes = SourceTypes.Select(model.Compilation.GetTypeByMetadataName).ToArray();
        _cancellationToken = cancellationToken;
    }

    public bool IsTainted(ExpressionSyntax expression) => IsTainted(expression, 0);

    private bool IsTainted(ExpressionSyntax expression, int depth)
    {
        if (CannotCarryText(_model.GetTypeInfo(expression, _cancellationToken).Type))
            return false;
        if (_reads.Any(r => expression.Span.Contains(r)))
            return true;
        foreach (var node in expression.DescendantNodesAndSelf().OfType<ExpressionSyntax>())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToQueryString" } })
                return true;
            if (node is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax))
                continue;
            var type = _model.GetTypeInfo(node, _cancellationToken).Type;
            if (_sourceTypes.Any(t => TypeRelations.IsOrInherits(type, t)))
                return true;
            if (depth < MaxLocalDepth && node is IdentifierNameSyntax
                && _model.GetSymbolInfo(node, _cancellationToken).Symbol is ILocalSymbol local
                && LocalIsTainted(local, depth + 1))
            {
                return true;
            }
        }
        return false;
    }

    private bool LocalIsTainted(ILocalSymbol local, int depth)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != _model.SyntaxTree)
                continue;
            var value = reference.GetSyntax(_cancellationToken) switch
            {
                VariableDeclaratorSyntax { Initializer.Value: { } init } => init,
                ForEachStatementSyntax forEach => forEach.Expression,
                SingleVariableDesignationSyntax designation => DeconstructedValue(designation),
                _ => null,
            };
            if (value is not null && IsTainted(value, depth))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The value a <c>var (status, message) = value</c> deconstructs, or the collection of a <c>foreach (var (key, value)
    /// in pairs)</c>, as a whole (the analyzer chose the element).
    /// </summary>
    private static ExpressionSyntax? DeconstructedValue(SingleVariableDesignationSyntax designation) =>
        designation.FirstAncestorOrSelf<SyntaxNode>(n => n is AssignmentExpressionSyntax or ForEachVariableStatementSyntax) switch
        {
            AssignmentExpressionSyntax assignment when assignment.Left.Span.Contains(designation.Span) => assignment.Right,
            ForEachVariableStatementSyntax forEach when forEach.Variable.Span.Contains(designation.Span) => forEach.Expression,
            _ => null,
        };

    /// <summary>The analyzer's own rule: numbers, bools, enums, dates and GUIDs cannot carry a message.</summary>
    public static bool CannotCarryText(ITypeSymbol? type) => type is not null && !LeakAnalyzers.Knowledge.DataCarryingTypes.CanCarryData(type);
}
