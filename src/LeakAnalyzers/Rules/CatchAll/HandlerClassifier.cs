using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.CatchAll;

/// <summary>Decides which <see cref="HandlerKind"/> a try statement, method or lambda is, by symbols.</summary>
internal sealed class HandlerClassifier
{
    private readonly ErrorHandlerSymbols _symbols;

    public HandlerClassifier(ErrorHandlerSymbols symbols) => _symbols = symbols;

    /// <summary>
    /// The kind of a try statement inside <paramref name="function"/> (null: the member <paramref name="member"/> itself).
    /// <see cref="HandlerKind.Endpoint"/> is answered without walking the try body: a try in endpoint code that calls the
    /// next delegate is middleware, and the caller finds such a call (<see cref="IsNextCall"/>) in the walk it makes
    /// anyway to collect the errors the try raises, instead of this class walking the same body first.
    /// </summary>
    public HandlerKind ClassifyTry(ITryOperation tryOperation, IOperation? function, ISymbol member)
    {
        if (FunctionSymbol(function, member) is not { } method)
            return HandlerKind.None;
        if (function is null && OverridesInterceptor(method) && CallsContinuation(tryOperation.Body, method))
            return HandlerKind.Interceptor;
        var isEndpoint = function switch
        {
            null => IsEndpointMethod(method),
            IAnonymousFunctionOperation lambda => IsMapArgument(lambda),
            ILocalFunctionOperation local => IsMappedLocalFunction(local),
            _ => false,
        };
        if (isEndpoint)
            return HandlerKind.Endpoint;
        return CallsNext(tryOperation.Body, method) ? HandlerKind.Middleware : HandlerKind.None;
    }

    /// <summary>The method, lambda or local function a try statement belongs to.</summary>
    public static IMethodSymbol? FunctionSymbol(IOperation? function, ISymbol member) => function switch
    {
        IAnonymousFunctionOperation lambda => lambda.Symbol,
        ILocalFunctionOperation local => local.Symbol,
        _ => member as IMethodSymbol,
    };

    /// <summary>The kind of a method that is an error-handling entry point by itself (filters, TryHandleAsync).</summary>
    public HandlerKind ClassifyMethod(IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "OnException":
            case "OnExceptionAsync":
                if (Overrides(method, _symbols.WebApiExceptionFilterAttribute))
                    return HandlerKind.WebApiExceptionFilter;
                if (Overrides(method, _symbols.MvcExceptionFilterAttribute) || Implements(method, _symbols.MvcExceptionFilter) || Implements(method, _symbols.MvcAsyncExceptionFilter))
                    return HandlerKind.ExceptionFilter;
                return HandlerKind.None;
            case "TryHandleAsync":
                return Implements(method, _symbols.ExceptionHandler) ? HandlerKind.ExceptionHandler : HandlerKind.None;
            default:
                // Explicit interface implementations carry the interface name in theirs. Asked of every method body: the
                // kind rules out all others before their implementations are listed.
                if (method.MethodKind != MethodKind.ExplicitInterfaceImplementation)
                    return HandlerKind.None;
                foreach (var implemented in method.ExplicitInterfaceImplementations)
                {
                    var iface = implemented.ContainingType?.OriginalDefinition;
                    if (SymbolEqualityComparer.Default.Equals(iface, _symbols.ExceptionHandler))
                        return HandlerKind.ExceptionHandler;
                    if (SymbolEqualityComparer.Default.Equals(iface, _symbols.MvcExceptionFilter) || SymbolEqualityComparer.Default.Equals(iface, _symbols.MvcAsyncExceptionFilter))
                        return HandlerKind.ExceptionFilter;
                }
                return HandlerKind.None;
        }
    }

    /// <summary>A request delegate (one HttpContext parameter) passed, at any depth, to <c>UseExceptionHandler</c>.</summary>
    public bool IsExceptionHandlerDelegate(IAnonymousFunctionOperation lambda)
    {
        // Asked of every lambda of the project: the parameter list is read once (each read builds a new array), and
        // not at all for a lambda written with several parameters.
        if (_symbols.HttpContext is null
            || lambda.Syntax is ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: not 1 }
            || lambda.Symbol.Parameters is not { Length: 1 } parameters
            || !SymbolEqualityComparer.Default.Equals(parameters[0].Type, _symbols.HttpContext))
            return false;
        for (var current = lambda.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IInvocationOperation invocation
                    when invocation.TargetMethod.Name == "UseExceptionHandler"
                         && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _symbols.ExceptionHandlerExtensions):
                    return true;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ExceptionHandler" } property }
                    when SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _symbols.ExceptionHandlerOptions):
                    return true;
            }
        }
        return false;
    }

    private bool IsEndpointMethod(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public)
            return false;
        foreach (var baseType in _symbols.EndpointBaseTypes)
        {
            if (TypeRelations.DerivesFromOrEquals(method.ContainingType, baseType))
                return true;
        }
        return false;
    }

    /// <summary>A lambda or method group given to <c>MapGet</c>/<c>MapPost</c>/... (converted to Delegate through its natural Func type).</summary>
    public bool IsMapArgument(IOperation handler)
    {
        var parent = handler.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
            parent = parent.Parent;
        return parent is IArgumentOperation { Parent: IInvocationOperation invocation }
               && invocation.TargetMethod.Name.StartsWith("Map", System.StringComparison.Ordinal)
               && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _symbols.EndpointRouteBuilderExtensions);
    }

    /// <summary>A local function (top-level <c>static async Task&lt;IResult&gt; CreateOrder(...)</c>) passed to <c>Map*</c> in the same body.</summary>
    private bool IsMappedLocalFunction(ILocalFunctionOperation local)
    {
        IOperation root = local;
        while (root.Parent is not null)
            root = root.Parent;
        foreach (var operation in OperationWalk.Descendants(root))
        {
            if (operation is IMethodReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, local.Symbol)
                && IsMapArgument(reference))
                return true;
        }
        return false;
    }

    private bool OverridesInterceptor(IMethodSymbol method) => Overrides(method, _symbols.Interceptor);

    private static bool Overrides(IMethodSymbol method, INamedTypeSymbol? type)
    {
        if (type is null)
            return false;
        for (var current = method.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ContainingType.OriginalDefinition, type))
                return true;
        }
        return false;
    }

    private static bool Implements(IMethodSymbol method, INamedTypeSymbol? iface)
    {
        if (iface is null || method.ContainingType is not { } type)
            return false;
        foreach (var member in iface.GetMembers(method.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                return true;
        }
        return false;
    }

    private static bool HasParameterOfType(IMethodSymbol method, INamedTypeSymbol? type)
    {
        if (type is null)
            return false;
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, type))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The try calls the next middleware or endpoint filter: a <c>RequestDelegate</c>/<c>EndpointFilterDelegate</c>, or,
    /// in a function with an HttpContext parameter, a delegate parameter (<c>app.Use((context, next) =&gt; ...)</c>).
    /// </summary>
    private bool CallsNext(IOperation body, IMethodSymbol method)
    {
        foreach (var operation in OperationWalk.Descendants(body))
        {
            if (operation is IInvocationOperation invocation && IsNextCall(invocation, method))
                return true;
        }
        return false;
    }

    /// <summary>A call of the next middleware or endpoint filter from <paramref name="method"/> (see <see cref="CallsNext"/>).</summary>
    public bool IsNextCall(IInvocationOperation invocation, IMethodSymbol method) =>
        invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke
        && (IsNextDelegate(invocation.TargetMethod.ContainingType)
            || IsParameterOf(invocation.Instance, method) && HasParameterOfType(method, _symbols.HttpContext));

    private bool IsNextDelegate(INamedTypeSymbol? type)
    {
        foreach (var next in _symbols.NextDelegates)
        {
            if (SymbolEqualityComparer.Default.Equals(type, next))
                return true;
        }
        return false;
    }

    /// <summary>The try calls the continuation (a delegate parameter) or the base handler.</summary>
    private static bool CallsContinuation(IOperation body, IMethodSymbol method)
    {
        foreach (var operation in OperationWalk.Descendants(body))
        {
            if (operation is not IInvocationOperation invocation)
                continue;
            if (invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke && IsParameterOf(invocation.Instance, method))
                return true;
            if (invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
                && invocation.TargetMethod.Name == method.Name
                && (invocation.TargetMethod.IsVirtual || invocation.TargetMethod.IsOverride || invocation.TargetMethod.IsAbstract))
                return true;
        }
        return false;
    }

    private static bool IsParameterOf(IOperation? instance, IMethodSymbol method) =>
        instance is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method);
}
