using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>Where the logger comes from when none is in scope.</summary>
internal enum InjectionKind
{
    None,
    /// <summary>A readonly field assigned from a new constructor parameter (or a new constructor).</summary>
    ConstructorField,
    /// <summary>A new primary-constructor parameter.</summary>
    PrimaryConstructor,
    /// <summary>A new parameter of a minimal-API route handler lambda (bound from DI by the framework).</summary>
    HandlerParameter,
}

/// <summary>The logger the fix writes to: an expression, the library it belongs to, and what must be added to reach it.</summary>
internal sealed class LoggerChoice
{
    public LoggerChoice(LoggingApi api, string expression, InjectionKind injection = InjectionKind.None, SyntaxNode? target = null,
        string? typeText = null, string? memberName = null, string? parameterName = null, string? requiredNamespace = null)
    {
        Api = api;
        Expression = expression;
        Injection = injection;
        Target = target;
        TypeText = typeText;
        MemberName = memberName;
        ParameterName = parameterName;
        RequiredNamespace = requiredNamespace;
    }

    public LoggingApi Api { get; }
    /// <summary>Source text of the logger expression; fully qualified names in it are simplified afterwards.</summary>
    public string Expression { get; }
    public InjectionKind Injection { get; }
    /// <summary>The class declaration or lambda that receives the injected logger.</summary>
    public SyntaxNode? Target { get; }
    /// <summary>Fully qualified type of the injected field/parameter.</summary>
    public string? TypeText { get; }
    public string? MemberName { get; }
    public string? ParameterName { get; }
    /// <summary>A namespace of extension methods the logger expression needs (GetRequiredService).</summary>
    public string? RequiredNamespace { get; }
}
