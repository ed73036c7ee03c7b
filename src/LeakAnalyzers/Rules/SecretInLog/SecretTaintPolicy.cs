using System.Runtime.CompilerServices;
using System.Threading;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>
/// LEAK004 sources for the shared <see cref="TaintEngine"/>: a value is a secret by the name of what it reads
/// (<see cref="SecretWords"/>), by API (<see cref="SecretSourceCatalogue"/>), or because its rendering prints a
/// secret member (records, anonymous objects, state dictionaries). Sanitizers are clean. Member reads are final
/// answers: <c>login.UserName</c> is not a secret because <c>login</c> also holds a password, and objects that print
/// only their type name (plain classes) carry nothing — the engine's object propagation is for exceptions, not here.
/// </summary>
internal sealed class SecretTaintPolicy : ITaintPolicy
{
    public const int SecretKind = 1;

    private readonly SecretSourceSymbols _symbols;
    private readonly PerTreeCache<SecretInLogOptions> _options;
    /// <summary>Display names of origins that are a member path ("request.Password") rather than the origin's own text.</summary>
    private readonly ConditionalWeakTable<IOperation, string> _names = new();
    /// <summary>
    /// Whether a type can carry a secret, asked by the engine of every operation it visits, about the same few hundred
    /// types (hashing each operation's own type wrapper for a dictionary was 9 % of the rule's samples on the benchmark).
    /// </summary>
    private readonly TypeAnswerCache<bool> _carriers;

    public SecretTaintPolicy(SecretSourceSymbols symbols, PerTreeCache<SecretInLogOptions> options)
    {
        _symbols = symbols;
        _options = options;
        _carriers = new TypeAnswerCache<bool>(32, type => SecretTypes.CanCarry(type, _symbols));
    }

    /// <summary>Set once after construction: LINQ lambdas are evaluated with their parameter bound to the source.</summary>
    public TaintEngine? Engine { get; set; }

    public SecretSourceSymbols Symbols => _symbols;

    public bool CanCarry(ITypeSymbol? type) => type is null || _carriers.Get(type);

    public string NameOf(IOperation origin) => _names.TryGetValue(origin, out var name) ? name : origin.Syntax.ToString();

    public SecretInLogOptions OptionsFor(IOperation operation) => _options.Get(operation.Syntax.SyntaxTree);

    public Taint? Classify(IOperation operation)
    {
        var options = OptionsFor(operation);
        if (Sanitizers.IsSanitized(operation, options))
            return Taint.Clean;
        // By the kind (one to one with the interfaces): asked of every operation the engine evaluates.
        var kind = operation.Kind;
        if (kind is OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.FieldReference
            or OperationKind.PropertyReference or OperationKind.Invocation && RenderedMemberHit(operation, RenderMode.Text, options) is { } rendered)
            return rendered;

        switch (kind)
        {
            case OperationKind.LocalReference:
                var local = (ILocalReferenceOperation)operation;
                return ByName(local.Local.Name, local, options);
            case OperationKind.ParameterReference:
                var parameter = (IParameterReferenceOperation)operation;
                return ByName(parameter.Parameter.Name, parameter, options);
            case OperationKind.FieldReference:
                // A field goes by its name; the class's own mutable text fields also by what is stored in them.
                var field = (IFieldReferenceOperation)operation;
                return ByName(ElementNames.NameOf(field.Field), field, options) ?? (StoredFields.IsFollowed(field) ? null : Taint.Clean);
            case OperationKind.PropertyReference:
                return ClassifyProperty((IPropertyReferenceOperation)operation, options);
            case OperationKind.Invocation:
                return ClassifyInvocation((IInvocationOperation)operation, options);
            case OperationKind.AnonymousObjectCreation:
                return ClassifyAnonymous((IAnonymousObjectCreationOperation)operation, options);
            case OperationKind.ObjectCreation:
                return ClassifyCreation((IObjectCreationOperation)operation, options);
            default:
                return null;
        }
    }

    /// <summary>
    /// An element of a deconstructed value the engine cannot take apart (<c>var (user, pwd) = login</c>), like a member
    /// read: a secret by its name, clean otherwise. A key/value pair's value, or an element without a name, counts whole.
    /// An item of a collection (<paramref name="type"/> is not the value's own type) is named as <c>logins[..].Password</c>.
    /// </summary>
    public Taint? ClassifyElement(IOperation value, ITypeSymbol? type, int index)
    {
        if (ElementNames.Of(type, index) is not { } element)
            return null;
        var (name, elementType) = element;
        var options = OptionsFor(value);
        if (SecretTypes.IsTextLike(elementType, _symbols) && options.Words.IsSecretName(name))
        {
            var item = SymbolEqualityComparer.Default.Equals(type, value.Type) ? "." : "[..].";
            var display = value.Syntax.ToString() + item + name;
            _names.GetValue(value, _ => display);
            return new Taint(SecretKind, value);
        }
        var pair = type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _symbols.KeyValuePair);
        return pair && index == 1 ? null : Taint.Clean;
    }

    private Taint? ByName(string name, IOperation operation, SecretInLogOptions options) =>
        SecretTypes.IsTextLike(operation.Type, _symbols) && options.Words.IsSecretName(name) ? new Taint(SecretKind, operation) : null;

    private Taint? ClassifyProperty(IPropertyReferenceOperation property, SecretInLogOptions options)
    {
        var instance = property.Instance is null ? null : OperationNavigation.ResolveReceiver(property.Instance);
        var instanceType = instance?.Type;
        if (property.Property.IsIndexer)
        {
            if (_symbols.Interfaces.IsOrImplements(instanceType, _symbols.CookieCollection))
                return new Taint(SecretKind, property);
            if (property.Arguments.Length == 1 && ConstantValues.Text(property.Arguments[0].Value) is { } key)
            {
                var secret = _symbols.Interfaces.IsOrImplements(instanceType, _symbols.Configuration)
                    ? options.Words.IsSecretConfigurationKey(key)
                    : options.Words.IsSecretName(key);
                return secret && SecretTypes.IsTextLike(property.Type, _symbols) ? new Taint(SecretKind, property) : Taint.Clean;
            }
            return null; // secrets[key]: whatever the collection holds
        }
        if (property.Property.Name == "Value" && instance is not null)
        {
            if (_symbols.Interfaces.IsOrImplements(instanceType, _symbols.ConfigurationSection))
                return IsKnownHarmlessSection(instance, options) ? Taint.Clean : new Taint(SecretKind, property);
            if (instanceType is INamedTypeSymbol named
                && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _symbols.KeyValuePair)
                    || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
                return null; // kv.Value of a configuration dump: the engine looks at what kv iterates
        }
        if (IsDumpType(property.Type) || _symbols.IsSecretProperty(property.Property))
            return new Taint(SecretKind, property);
        return ByName(property.Property.Name, property, options) ?? Taint.Clean;
    }

    private Taint? ClassifyInvocation(IInvocationOperation invocation, SecretInLogOptions options)
    {
        var method = invocation.TargetMethod;
        switch (_symbols.KindOf(method))
        {
            case SecretApiKind.Secret:
            case SecretApiKind.Dump:
                return new Taint(SecretKind, invocation);
            case SecretApiKind.ConfigurationKey:
                var key = invocation.Arguments.Length >= 2 ? ConstantValues.Text(invocation.Arguments[1].Value) : null;
                return key is { } name ? (options.Words.IsSecretConfigurationKey(name) ? new Taint(SecretKind, invocation) : Taint.Clean) : null;
            case SecretApiKind.JsonSerialize:
                if (FirstValueArgument(invocation) is { } serialized
                    && RenderedMemberHit(OperationNavigation.Unwrap(serialized), RenderMode.Json, options) is { } json)
                    return json;
                return null;
            case SecretApiKind.Encoding:
                return null;
        }
        if (method.Name == "Select" && invocation.Arguments.Length == 2 && Engine is { } engine
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.Enumerable))
            return ClassifySelect(invocation, engine);
        // GetPassword(), GeneratePasswordResetTokenAsync(): a method named for a secret returns one.
        if (options.Words.IsSecretName(method.Name) && SecretTypes.IsTextLike(SecretTypes.Awaited(method.ReturnType), _symbols))
            return new Taint(SecretKind, invocation);
        return null;
    }

    /// <summary>
    /// <c>source.Select(kv => kv.Key)</c>: the result carries what the selector returns with its parameter bound to
    /// the source's taint, so selecting the keys of a configuration dump is clean and selecting values is not.
    /// </summary>
    private Taint? ClassifySelect(IInvocationOperation invocation, TaintEngine engine)
    {
        var selector = OperationNavigation.Unwrap(invocation.Arguments[1].Value);
        if (selector is IDelegateCreationOperation creation)
            selector = creation.Target;
        if (selector is not IAnonymousFunctionOperation { Symbol.Parameters.Length: > 0 } lambda)
            return null;
        var source = engine.Evaluate(invocation.Arguments[0].Value, CancellationToken.None);
        var result = engine.Evaluate(lambda, lambda.Symbol.Parameters[0], source, CancellationToken.None);
        return result.IsTainted ? new Taint(SecretKind, result.Origin ?? invocation) : Taint.Clean;
    }

    /// <summary>An anonymous object prints every member: a member named for a secret holding text is one.</summary>
    private Taint? ClassifyAnonymous(IAnonymousObjectCreationOperation anonymous, SecretInLogOptions options)
    {
        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && IsSecretEntry(target.Property.Name, assignment.Value, options))
                return new Taint(SecretKind, assignment.Value);
        }
        return null;
    }

    /// <summary>
    /// Dictionaries print every key and value (a secret key such as <c>["Password"] = x</c> makes x a secret);
    /// records print their members; other classes print their type name and carry nothing.
    /// </summary>
    private Taint? ClassifyCreation(IObjectCreationOperation creation, SecretInLogOptions options)
    {
        if (creation.Initializer is { } initializer)
        {
            foreach (var (key, value) in DictionaryEntries.Of(initializer))
            {
                if (key is not null && ConstantValues.Text(key) is { } name && IsSecretEntry(name, value, options))
                    return new Taint(SecretKind, value);
            }
        }
        // A record with generated ToString prints its constructor arguments; one with its own ToString decides itself.
        return creation.Type is { } type && SecretTypes.IsTextLike(type, _symbols)
            || creation.Type is INamedTypeSymbol { IsRecord: true } record && SecretMembers.PrintsMembers(record, RenderMode.Text)
            ? null
            : Taint.Clean;
    }

    /// <summary>A named entry (anonymous member, dictionary key) whose value is non-constant, unsanitized text.</summary>
    public bool IsSecretEntry(string name, IOperation value, SecretInLogOptions options)
    {
        var unwrapped = OperationNavigation.Unwrap(value);
        return options.Words.IsSecretName(name) && SecretTypes.IsTextLike(unwrapped.Type, _symbols)
            && !ConstantValues.IsConstant(unwrapped) && !Sanitizers.IsSanitized(unwrapped, options);
    }

    /// <summary>A value whose rendering (records, anonymous types, destructuring, JSON) prints a secret member.</summary>
    public Taint? RenderedMemberHit(IOperation value, RenderMode mode, SecretInLogOptions options)
    {
        if (value.Type is not INamedTypeSymbol type || ConstantValues.IsConstant(value))
            return null;
        // Strings, numbers, object and the other special types print no members; asking IsRecord of a metadata type
        // looks up a member by name, and most logged values are strings.
        if (mode == RenderMode.Text && (type.SpecialType != SpecialType.None || !type.IsAnonymousType && !type.IsRecord && !type.IsTupleType))
            return null;
        if (SecretMembers.Find(type, mode, options.Words, _symbols) is not { } path)
            return null;
        // `new Credentials(user, pwd)` reads better as its type name than as the whole creation expression.
        var name = (value is IObjectCreationOperation ? type.Name : value.Syntax.ToString()) + "." + path;
        _names.GetValue(value, _ => name);
        return new Taint(SecretKind, value);
    }

    public bool IsDumpType(ITypeSymbol? type)
    {
        // The dump types are ASP.NET interfaces: no special type (string, numbers, object) implements them.
        if (type is null || type.SpecialType != SpecialType.None)
            return false;
        foreach (var dump in _symbols.DumpTypes)
        {
            if (_symbols.Interfaces.IsOrImplements(type, dump))
                return true;
        }
        return false;
    }

    /// <summary>
    /// <c>section.Value</c> logs whatever the key holds. Only a section read with a constant, non-secret key
    /// (<c>GetSection("Logging:LogLevel")</c>) is known to be harmless; sections from <c>GetChildren()</c>, parameters
    /// and computed keys may be any key, passwords included.
    /// </summary>
    private static bool IsKnownHarmlessSection(IOperation section, SecretInLogOptions options)
    {
        if (section is ILocalReferenceOperation local && DeclaredValue(local) is { } initializer)
            section = OperationNavigation.Unwrap(initializer);
        return section is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } getSection
            && LastArgument(getSection) is { } keyArgument && ConstantValues.Text(keyArgument) is { } key
            && !options.Words.IsSecretConfigurationKey(key);
    }

    private static IOperation? DeclaredValue(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
            return null;
        var syntax = local.DeclaringSyntaxReferences[0].GetSyntax();
        return syntax is VariableDeclaratorSyntax { Initializer.Value: { } value } && value.SyntaxTree == model.SyntaxTree
            ? model.GetOperation(value)
            : null;
    }

    private static IOperation? LastArgument(IInvocationOperation invocation)
    {
        for (var i = invocation.Arguments.Length - 1; i >= 0; i--)
        {
            if (invocation.Arguments[i].ArgumentKind != ArgumentKind.DefaultValue)
                return invocation.Arguments[i].Value;
        }
        return null;
    }

    private static IOperation? FirstValueArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && !(invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0))
                return argument.Value;
        }
        return null;
    }
}
