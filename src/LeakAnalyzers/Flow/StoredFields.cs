using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// The values a class stores in one of its own mutable text fields (<c>_lastError = ex.Message;</c> in one method,
/// <c>return Ok(_lastError);</c> in another). Only private, non-readonly string fields are followed: a class keeps its
/// state there, and every write to them is inside the class's own declarations, so the search is one walk of the
/// class's syntax, found by the field's name first and confirmed by symbol. The same search finds the writes to a
/// readonly flag for <see cref="DevelopmentGuards"/> (<c>_isDevelopment = env.IsDevelopment();</c>).
/// </summary>
internal static class StoredFields
{
    /// <summary>A read of such a field, on <c>this</c> or static.</summary>
    public static bool IsFollowed(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        return field is { IsConst: false, IsReadOnly: false, DeclaredAccessibility: Accessibility.Private, Type.SpecialType: SpecialType.System_String }
            && (reference.Instance is null || reference.Instance.Kind == OperationKind.InstanceReference)
            && !field.DeclaringSyntaxReferences.IsEmpty;
    }

    /// <summary>The field's initializer and the values of every assignment to it (compound ones included).</summary>
    public static List<IOperation> ValuesWrittenTo(IFieldSymbol field, CalleeBodies bodies, CancellationToken cancellationToken) =>
        ValuesWrittenTo(field, bodies.ModelOf, cancellationToken);

    /// <summary>
    /// The same search with the semantic models <paramref name="modelOf"/> gives; a declaration in a tree it has no model
    /// for is skipped.
    /// </summary>
    public static List<IOperation> ValuesWrittenTo(IFieldSymbol field, System.Func<SyntaxTree, SemanticModel?> modelOf, CancellationToken cancellationToken)
    {
        var values = new List<IOperation>();
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
                && modelOf(declarator.SyntaxTree)?.GetOperation(initializer, cancellationToken) is { } value)
                values.Add(value);
        }
        foreach (var typeReference in field.ContainingType.DeclaringSyntaxReferences)
        {
            var type = typeReference.GetSyntax(cancellationToken);
            if (modelOf(type.SyntaxTree) is not { } model)
                continue;
            foreach (var node in type.DescendantNodes())
            {
                if (node is not AssignmentExpressionSyntax assignment || AssignedName(assignment.Left) != field.Name)
                    continue;
                if (model.GetOperation(assignment, cancellationToken) is IAssignmentOperation { Target: IFieldReferenceOperation target } write
                    && SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field.OriginalDefinition))
                    values.Add(write.Value);
            }
        }
        return values;
    }

    /// <summary>The name an assignment writes: <c>_text = …</c>, <c>this._text = …</c>, <c>Type._text = …</c>.</summary>
    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
