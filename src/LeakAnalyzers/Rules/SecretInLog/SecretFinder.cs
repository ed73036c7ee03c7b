using System;
using System.Collections.Generic;
using System.Threading;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>How the logger turns a value into text.</summary>
internal enum RenderMode
{
    /// <summary>ToString(): records and anonymous objects print their members, other classes their type name.</summary>
    Text,
    /// <summary>Serilog/NLog <c>{@X}</c>, <c>destructureObjects: true</c>: every public property is written.</summary>
    Destructure,
    /// <summary>JSON serialization: every public property without [JsonIgnore] is written.</summary>
    Json,
}

/// <summary>
/// Decides whether a logged value is (or contains) a secret, and names it: by the name of what it reads (local,
/// parameter, field, property, called method, indexer key, anonymous/record/destructured member), by API
/// (<see cref="SecretSourceCatalogue"/>), and through the value's own data flow inside the method (locals,
/// interpolation, concatenation, string.Format/Concat/Join, conditionals, string methods, LINQ over dumps).
/// Sanitizers (hashes, masks, short slices) end the search. One instance per analyzed log call: it memoizes locals.
/// </summary>
internal sealed class SecretFinder
{
    private const int MaxDepth = 12;
    private const int MaxMemberDepth = 3;

    private readonly SecretSourceSymbols _symbols;
    private readonly SecretInLogOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ILocalSymbol, string?> _locals = new(SymbolEqualityComparer.Default);

    public SecretFinder(SecretSourceSymbols symbols, SecretInLogOptions options, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _options = options;
        _cancellationToken = cancellationToken;
    }

    private SecretWords Words => _options.Words;

    /// <summary>The display name of the secret <paramref name="value"/> carries, or null.</summary>
    public string? Find(IOperation value, RenderMode mode) => Find(value, mode, 0);

    private string? Find(IOperation? value, RenderMode mode, int depth)
    {
        if (value is null || depth > MaxDepth)
            return null;
        _cancellationToken.ThrowIfCancellationRequested();
        value = Unwrap(value);
        if (value.ConstantValue.HasValue)
            return null;
        var type = value.Type;
        if (type is not null && SecretTypes.IsNeverSecret(type, _symbols))
            return null;
        if (Sanitizers.IsSanitized(value, _options))
            return null;

        var hit = value switch
        {
            IInterpolatedStringOperation interpolated => FindInParts(interpolated, depth),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => Find(binary.LeftOperand, RenderMode.Text, depth + 1) ?? Find(binary.RightOperand, RenderMode.Text, depth + 1),
            IConditionalOperation conditional => Find(conditional.WhenTrue, mode, depth + 1) ?? Find(conditional.WhenFalse, mode, depth + 1),
            ICoalesceOperation coalesce => Find(coalesce.Value, mode, depth + 1) ?? Find(coalesce.WhenNull, mode, depth + 1),
            ISwitchExpressionOperation switchExpression => FindInArms(switchExpression, mode, depth),
            IAwaitOperation { Operation: IInvocationOperation awaited } => FindInInvocation(awaited, value.Type, mode, depth),
            IAwaitOperation awaited => Find(awaited.Operation, mode, depth + 1),
            ILocalReferenceOperation local => NameHit(local.Local.Name, type, value) ?? FindInLocal(local, mode, depth),
            IParameterReferenceOperation parameter => NameHit(parameter.Parameter.Name, type, value) ?? FindInLambdaElement(parameter, depth),
            IFieldReferenceOperation field => NameHit(field.Field.Name, type, value),
            IPropertyReferenceOperation property => FindInProperty(property, type, depth),
            IInvocationOperation invocation => FindInInvocation(invocation, type, mode, depth),
            IImplicitIndexerReferenceOperation slice when slice.Argument.Type?.Name == "Range" => Find(slice.Instance, RenderMode.Text, depth + 1),
            IArrayCreationOperation { Initializer: { } initializer } => FindInElements(initializer.ElementValues, mode, depth),
            IAnonymousObjectCreationOperation anonymous => FindInAnonymous(anonymous, depth),
            IObjectCreationOperation { Initializer: { } initializer } => FindInInitializer(initializer, depth),
            _ => null,
        };
        return hit ?? FindInRenderedMembers(value, type, mode);
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    // User-defined conversions keep the content: StringValues -> string[] (passed as the params
                    // array itself), a Password value object -> string.
                    value = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    continue;
                case IConditionalAccessOperation conditionalAccess:
                    value = conditionalAccess.WhenNotNull;
                    continue;
                default:
                    return value;
            }
        }
    }

    private string? NameHit(string name, ITypeSymbol? type, IOperation value) =>
        SecretTypes.IsTextLike(type, _symbols) && Words.IsSecretName(name) ? Describe(value) : null;

    private static string Describe(IOperation value) => value.Syntax.ToString();

    private string? FindInParts(IInterpolatedStringOperation interpolated, int depth)
    {
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation interpolation && Find(interpolation.Expression, RenderMode.Text, depth + 1) is { } hit)
                return hit;
        }
        return null;
    }

    private string? FindInArms(ISwitchExpressionOperation switchExpression, RenderMode mode, int depth)
    {
        foreach (var arm in switchExpression.Arms)
        {
            if (Find(arm.Value, mode, depth + 1) is { } hit)
                return hit;
        }
        return null;
    }

    private string? FindInElements(IEnumerable<IOperation> elements, RenderMode mode, int depth)
    {
        foreach (var element in elements)
        {
            if (Find(element, mode, depth + 1) is { } hit)
                return hit;
        }
        return null;
    }

    /// <summary>An anonymous object prints every member: a secret member name or a secret member value.</summary>
    private string? FindInAnonymous(IAnonymousObjectCreationOperation anonymous, int depth)
    {
        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                continue;
            if (SecretTypes.IsTextLike(assignment.Value.Type, _symbols) && Words.IsSecretName(target.Property.Name)
                && !Unwrap(assignment.Value).ConstantValue.HasValue && !Sanitizers.IsSanitized(Unwrap(assignment.Value), _options))
                return Describe(assignment.Value);
            if (Find(assignment.Value, RenderMode.Text, depth + 1) is { } hit)
                return hit;
        }
        return null;
    }

    /// <summary>
    /// Dictionaries (a BeginScope state) write every key and value: a secret key (<c>["Password"] = x</c>) or value.
    /// Other object initializers write nothing by themselves (the object's rendering decides).
    /// </summary>
    private string? FindInInitializer(IObjectOrCollectionInitializerOperation initializer, int depth)
    {
        foreach (var (key, value) in Entries(initializer))
        {
            if (FindInEntry(key, value, depth) is { } hit)
                return hit;
        }
        return null;
    }

    /// <summary>One dictionary entry: a secret key (<c>["Password"] = x</c>) with a text value, or a secret value.</summary>
    public string? FindInEntry(IOperation? key, IOperation value) => FindInEntry(key, value, 0);

    private string? FindInEntry(IOperation? key, IOperation value, int depth)
    {
        if (key?.ConstantValue is { HasValue: true, Value: string name } && Words.IsSecretName(name)
            && SecretTypes.IsTextLike(value.Type, _symbols) && !Unwrap(value).ConstantValue.HasValue && !Sanitizers.IsSanitized(Unwrap(value), _options))
            return Describe(value);
        return Find(value, RenderMode.Text, depth + 1);
    }

    /// <summary>(key, value) of each entry of a dictionary initializer: <c>["k"] = v</c> or <c>{ "k", v }</c>.</summary>
    public static IEnumerable<(IOperation? Key, IOperation Value)> Entries(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var entry in initializer.Initializers)
        {
            switch (entry)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment:
                    yield return (indexer.Arguments[0].Value, assignment.Value);
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add:
                    yield return (add.Arguments[0].Value, add.Arguments[1].Value);
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } single:
                    yield return (null, single.Arguments[0].Value);
                    break;
            }
        }
    }

    private string? FindInProperty(IPropertyReferenceOperation property, ITypeSymbol? type, int depth)
    {
        var instanceType = property.Instance?.Type;
        if (property.Property.IsIndexer)
        {
            if (SecretSourceSymbols.IsOrImplements(instanceType, _symbols.CookieCollection))
                return Describe(property);
            if (property.Arguments.Length == 1 && property.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }
                && SecretTypes.IsTextLike(type, _symbols))
            {
                var secret = SecretSourceSymbols.IsOrImplements(instanceType, _symbols.Configuration)
                    ? Words.IsSecretConfigurationKey(key)
                    : Words.IsSecretName(key);
                return secret ? Describe(property) : null;
            }
            return null;
        }
        if (property.Property.Name == "Value")
        {
            if (SecretSourceSymbols.IsOrImplements(instanceType, _symbols.ConfigurationSection) && property.Instance is not null)
                return IsKnownHarmlessSection(property.Instance) ? null : Describe(property);
            if (instanceType is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _symbols.KeyValuePair)
                && property.Instance is not null && IsElementOfSecretCollection(property.Instance, depth))
                return Describe(property);
        }
        return NameHit(property.Property.Name, type, property);
    }

    /// <summary>
    /// <c>section.Value</c> logs whatever the key holds. Only a section read with a constant, non-secret key
    /// (<c>GetSection("Logging:LogLevel")</c>) is known to be harmless; sections from <c>GetChildren()</c>, parameters
    /// and computed keys may be any key, passwords included.
    /// </summary>
    private bool IsKnownHarmlessSection(IOperation section)
    {
        section = Unwrap(section);
        if (section is ILocalReferenceOperation local && DeclaredValue(local.Local, local) is { } initializer)
            section = Unwrap(initializer);
        return section is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } getSection
            && getSection.Arguments.Length > 0
            && getSection.Arguments[getSection.Arguments.Length - 1].Value.ConstantValue is { HasValue: true, Value: string key }
            && !Words.IsSecretConfigurationKey(key);
    }

    /// <summary><c>kv.Value</c> where <c>kv</c> iterates a secret collection (a configuration dump, all headers).</summary>
    private bool IsElementOfSecretCollection(IOperation instance, int depth)
    {
        instance = Unwrap(instance);
        var collection = instance switch
        {
            ILocalReferenceOperation local => ForEachCollection(local.Local, local),
            IParameterReferenceOperation parameter => LambdaSource(parameter),
            _ => null,
        };
        return collection is not null && Find(collection, RenderMode.Text, depth + 1) is not null;
    }

    private string? FindInLambdaElement(IParameterReferenceOperation parameter, int depth)
    {
        // `config.AsEnumerable().Select(kv => kv)`: the element of a secret sequence is secret as a whole.
        if (!SecretTypes.IsTextLike(parameter.Type, _symbols))
            return null;
        var source = LambdaSource(parameter);
        return source is null ? null : Find(source, RenderMode.Text, depth + 1);
    }

    private string? FindInLocal(ILocalReferenceOperation reference, RenderMode mode, int depth)
    {
        var local = reference.Local;
        if (_locals.TryGetValue(local, out var known))
            return known;
        _locals[local] = null; // breaks cycles (x = x + y)
        string? hit = null;
        if (ForEachCollection(local, reference) is { } collection)
        {
            hit = Find(collection, mode, depth + 1);
        }
        else
        {
            hit = Find(DeclaredValue(local, reference), mode, depth + 1);
            if (hit is null)
            {
                foreach (var assigned in AssignedValues(local, reference))
                {
                    hit = Find(assigned, mode, depth + 1);
                    if (hit is not null)
                        break;
                }
            }
        }
        _locals[local] = hit;
        return hit;
    }

    private IOperation? DeclaredValue(ILocalSymbol local, IOperation reference)
    {
        if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
            return null;
        var syntax = local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
        if (syntax is VariableDeclaratorSyntax { Initializer.Value: { } initializer } && initializer.SyntaxTree == model.SyntaxTree)
            return model.GetOperation(initializer, _cancellationToken);
        return null;
    }

    private IOperation? ForEachCollection(ILocalSymbol local, IOperation reference)
    {
        if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
            return null;
        var syntax = local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
        if (syntax is ForEachStatementSyntax forEach && forEach.SyntaxTree == model.SyntaxTree
            && model.GetOperation(forEach, _cancellationToken) is IForEachLoopOperation loop)
            return loop.Collection;
        return null;
    }

    /// <summary>Values assigned to <paramref name="local"/> anywhere in the enclosing body.</summary>
    private static IEnumerable<IOperation> AssignedValues(ILocalSymbol local, IOperation reference)
    {
        var root = reference;
        while (root.Parent is not null)
            root = root.Parent;
        foreach (var operation in root.Descendants())
        {
            if (operation is IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                && SymbolEqualityComparer.Default.Equals(target.Local, local))
                yield return assignment.Value;
        }
    }

    /// <summary>The source sequence of a LINQ lambda's parameter: <c>source</c> in <c>source.Select(kv => …)</c>.</summary>
    private IOperation? LambdaSource(IParameterReferenceOperation parameter)
    {
        if (parameter.Parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction }
            || parameter.SemanticModel is not { } model)
            return null;
        for (IOperation? current = parameter.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation { Arguments.Length: > 0 } invocation
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _symbols.Enumerable))
                return invocation.Arguments[0].Value;
        }
        // The reference sits inside the lambda body, whose parent chain may stop at the lambda: climb the syntax.
        for (var node = parameter.Syntax.Parent; node is not null; node = node.Parent)
        {
            if (node is InvocationExpressionSyntax && model.GetOperation(node, _cancellationToken) is IInvocationOperation { Arguments.Length: > 0 } outer
                && SymbolEqualityComparer.Default.Equals(outer.TargetMethod.ContainingType, _symbols.Enumerable))
                return outer.Arguments[0].Value;
        }
        return null;
    }

    private string? FindInInvocation(IInvocationOperation invocation, ITypeSymbol? resultType, RenderMode mode, int depth)
    {
        var method = invocation.TargetMethod;
        switch (_symbols.KindOf(method))
        {
            case SecretApiKind.Secret:
            case SecretApiKind.Dump:
                return Describe(invocation);
            case SecretApiKind.ConfigurationKey:
                return invocation.Arguments.Length >= 2 && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string key }
                    && Words.IsSecretConfigurationKey(key) ? Describe(invocation) : null;
            case SecretApiKind.JsonSerialize:
                return FirstValueArgument(invocation) is { } serialized ? Find(serialized, RenderMode.Json, depth + 1) : null;
            case SecretApiKind.Encoding:
                return FirstValueArgument(invocation) is { } encoded ? Find(encoded, RenderMode.Text, depth + 1) : null;
        }

        if (method.Name == "ToString" && invocation.Instance is not null)
            return Find(invocation.Instance, RenderMode.Text, depth + 1);
        if (method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            if (!method.IsStatic)
                return Find(invocation.Instance, RenderMode.Text, depth + 1);
            if (method.Name is "Format" or "Concat" or "Join")
                return FindInArguments(invocation, depth);
        }
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.Enumerable) && invocation.Arguments.Length > 0)
        {
            if (method.Name == "Select" && invocation.Arguments.Length == 2)
                return FindInLambdaResults(invocation.Arguments[1].Value, depth);
            return Find(invocation.Arguments[0].Value, mode, depth + 1);
        }
        // GetPassword(), GeneratePasswordResetTokenAsync(): a method named for a secret returns one.
        return NameHit(method.Name, resultType, invocation);
    }

    private string? FindInArguments(IInvocationOperation invocation, int depth)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                continue;
            var hit = argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                ? FindInElements(initializer.ElementValues, RenderMode.Text, depth)
                : Find(argument.Value, RenderMode.Text, depth + 1);
            if (hit is not null)
                return hit;
        }
        return null;
    }

    private string? FindInLambdaResults(IOperation lambda, int depth)
    {
        if (Unwrap(lambda) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation function })
            return null;
        foreach (var operation in function.Body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned } && Find(returned, RenderMode.Text, depth + 1) is { } hit)
                return hit;
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

    /// <summary>
    /// Objects the logger prints member by member: records (generated ToString), anonymous types, everything when
    /// destructured or serialized, and the request's whole header or cookie collection.
    /// </summary>
    private string? FindInRenderedMembers(IOperation value, ITypeSymbol? type, RenderMode mode)
    {
        if (type is not INamedTypeSymbol named)
            return null;
        foreach (var dump in _symbols.DumpTypes)
        {
            if (SecretSourceSymbols.IsOrImplements(named, dump))
                return Describe(value);
        }
        return FindInMembers(Describe(value), named, mode, 0);
    }

    private string? FindInMembers(string path, ITypeSymbol type, RenderMode mode, int memberDepth)
    {
        if (type is not INamedTypeSymbol named || memberDepth > MaxMemberDepth)
            return null;
        // Below the logged object, only the project's own types are walked: framework graphs are large and their
        // secrets are caught by name (Cookies, Password, ConnectionString) at the first level.
        if (memberDepth > 0 && named.DeclaringSyntaxReferences.Length == 0)
            return null;
        if (!PrintsMembers(named, mode) || SecretTypes.IsTextLike(named, _symbols))
            return null;
        foreach (var member in named.GetMembers())
        {
            if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property)
                continue;
            if (mode == RenderMode.Json && HasJsonIgnore(property))
                continue;
            if (SecretTypes.IsNeverSecret(property.Type, _symbols))
                continue;
            if (SecretTypes.IsTextLike(property.Type, _symbols))
            {
                if (Words.IsSecretName(property.Name))
                    return path + "." + property.Name;
                continue;
            }
            if (FindInMembers(path + "." + property.Name, property.Type, mode, memberDepth + 1) is { } nested)
                return nested;
        }
        return null;
    }

    private static bool PrintsMembers(INamedTypeSymbol type, RenderMode mode)
    {
        if (type.IsAnonymousType)
            return true;
        if (mode != RenderMode.Text)
            return type.TypeKind is TypeKind.Class or TypeKind.Struct && type.SpecialType == SpecialType.None;
        if (!type.IsRecord)
            return false;
        // A record that writes its own ToString or PrintMembers decides what it prints (often a masked form).
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { Name: "ToString" or "PrintMembers", IsImplicitlyDeclared: false })
                return false;
        }
        return true;
    }

    private bool HasJsonIgnore(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            foreach (var ignore in _symbols.JsonIgnoreAttributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ignore))
                    return true;
            }
        }
        return false;
    }
}
