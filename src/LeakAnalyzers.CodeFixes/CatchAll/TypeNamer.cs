using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.CodeFixes.CatchAll;

/// <summary>
/// Writes a type's name for code inserted at one position: the short name when it already binds there (usings,
/// global usings), else the fully qualified name, which the fixer's import adder and simplifier shorten with a using.
/// Deciding up front keeps the simplifier from adding usings the project's global usings already provide.
/// </summary>
internal sealed class TypeNamer
{
    private readonly SemanticModel _model;
    private readonly int _position;

    public TypeNamer(SemanticModel model, int position)
    {
        _model = model;
        _position = position;
    }

    public string Name(ITypeSymbol type)
    {
        foreach (var symbol in _model.LookupNamespacesAndTypes(_position, name: type.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(symbol, type))
                return type.Name;
        }
        return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    public string Name(string metadataName) =>
        _model.Compilation.GetTypeByMetadataName(metadataName) is { } type ? Name(type) : "global::" + metadataName;
}
