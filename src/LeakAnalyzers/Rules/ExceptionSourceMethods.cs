using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LeakAnalyzers.Rules;

/// <summary>
/// Whether one of the project's methods can hand exception data to its caller on its own: it catches exceptions (with
/// a clause that does not always rethrow, see <see cref="RethrowingCatchClauses"/>), takes an exception or a type
/// holding one (<c>ExceptionContext</c>, <c>IExceptionHandlerFeature</c>) as a parameter, or reads one from elsewhere:
/// a field or property of its class that stores one, ASP.NET Core's exception handler feature, System.Web's
/// <c>GetLastError()</c>. Helpers without any of these are not bound again when the engine meets a call to them with
/// clean arguments (decided from the declaration's syntax and signature, once per method). Services that log and
/// rethrow are the common case this keeps cheap.
/// </summary>
internal sealed class ExceptionSourceMethods
{
    /// <summary>Identifiers through which a method reads the exception being handled without being handed it.</summary>
    private static readonly ImmutableArray<string> HandledExceptionReads = ImmutableArray.Create(
        "IExceptionHandlerFeature", "IExceptionHandlerPathFeature", "GetLastError", "AllErrors");

    private readonly ExceptionSymbols _symbols;
    private readonly ExceptionCarriers _carriers;
    /// <summary>
    /// Asked of every call into the project's own code that a scanned block makes (the engine passes definitions, one
    /// object per method): the recent table answers the calls of one body again without hashing the method.
    /// </summary>
    private readonly AnswerCache<IMethodSymbol, bool> _known;

    public ExceptionSourceMethods(ExceptionSymbols symbols)
    {
        _symbols = symbols;
        _carriers = new ExceptionCarriers(symbols);
        _known = new AnswerCache<IMethodSymbol, bool>(32, SymbolEqualityComparer.Default, Compute);
    }

    public bool MayCreateTaint(IMethodSymbol method) => _known.Get(method);

    private bool Compute(IMethodSymbol method)
    {
        // Local functions capture the enclosing method's locals (`string Local() => ex.Message;`) and live in the
        // body being analyzed already.
        if (method.MethodKind == MethodKind.LocalFunction)
            return true;
        foreach (var parameter in method.Parameters)
        {
            // Numbers, strings, object and enums are neither exceptions nor commands: no symbol lookups for them.
            if (parameter.Type.SpecialType != SpecialType.None || parameter.Type.TypeKind == TypeKind.Enum)
                continue;
            if (_symbols.IsException(parameter.Type) || _symbols.IsDatabaseCarrier(parameter.Type) || _carriers.Carries(parameter.Type))
                return true;
        }
        var reads = method.ContainingType is { } owner && _carriers.StoredIn(owner) is { IsEmpty: false } stored
            ? HandledExceptionReads.AddRange(stored)
            : HandledExceptionReads;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            if (RethrowingCatchClauses.AnyHandsOn(declaration) || ReadsAny(declaration, reads))
                return true;
        }
        return false;
    }

    private static bool ReadsAny(SyntaxNode declaration, ImmutableArray<string> names)
    {
        if (KeywordTokens.AnyIdentifier(declaration, names) is { } found)
            return found;
        foreach (var token in declaration.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
                return true;
        }
        return false;
    }
}
