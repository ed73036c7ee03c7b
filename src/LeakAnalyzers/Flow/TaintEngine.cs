using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Demand-driven taint evaluation: starting from a value handed to a sink, it walks back through what the value is
/// made of — conversions, string building, interpolation, conditionals, object/anonymous/collection construction,
/// locals (every write in the declaring block, see <see cref="LocalWriteIndex"/>), lambdas, <c>?.</c>, <c>await</c>, calls to
/// external methods (result carries what the receiver and arguments carry) and calls to the project's own methods
/// and local functions (their return values evaluated with the caller's argument taint, to a bounded depth).
/// One instance per compilation; it holds only caches keyed by operation trees and symbols.
/// </summary>
internal sealed class TaintEngine
{
    private const int MaxCallDepth = 3;
    private const int MaxSteps = 4000;

    private readonly ITaintPolicy _policy;
    private readonly CalleeBodies _callees;
    private readonly LocalWriteIndexCache _indexes;
    /// <summary>What each followed field (<see cref="StoredFields"/>) holds, over all its writes: found once per field.</summary>
    private readonly ConcurrentDictionary<IFieldSymbol, Taint> _storedFields = new(SymbolEqualityComparer.Default);

    private readonly Func<IMethodSymbol, bool>? _mayCreateTaint;
    private readonly SourceOracle? _mayOriginate;

    /// <param name="mayCreateTaint">
    /// Optional: whether a method of the project can produce tainted data from nothing its caller passes (for LEAK001,
    /// a method with a catch clause or an exception parameter). When it says no and no argument is tainted, the call
    /// is clean without binding the callee's body, which is what keeps following helpers cheap.
    /// </param>
    /// <param name="mayOriginate">
    /// Optional: whether an operation can be one of the policy's sources by itself, whatever its operands hold. It must
    /// answer true for everything the policy's <see cref="ITaintPolicy.Classify"/> may call a source. It is asked only of
    /// operations with a type (statements, arguments and declarations have none, and are never sources). With it, the locals
    /// of a block where nothing can bring taint in are known to be clean without evaluating their writes
    /// (<see cref="LocalWriteIndex.SourceFree"/>).
    /// </param>
    public TaintEngine(ITaintPolicy policy, Compilation compilation, Func<IMethodSymbol, bool>? mayCreateTaint = null, SourceOracle? mayOriginate = null)
    {
        _policy = policy;
        _callees = new CalleeBodies(compilation);
        _mayCreateTaint = mayCreateTaint;
        _mayOriginate = mayOriginate;
        _indexes = new LocalWriteIndexCache(mayOriginate is null ? null : MayOriginateInBlock);
    }

    /// <summary>The bodies of the project's own methods, shared with callers that summarize them.</summary>
    public CalleeBodies Callees => _callees;

    public Taint Evaluate(IOperation value, CancellationToken cancellationToken)
    {
        // The outermost state is kept per thread and emptied after each evaluation (ThreadSpare): the rules evaluate
        // tens of thousands of values per compilation, and a state (with its locals dictionary) each was a good share of
        // what they allocated. An evaluation started inside another (a policy asking the engine) makes its own.
        var state = Core.ThreadSpare<State>.Take() ?? new State(null, 0, cancellationToken);
        state.CancellationToken = cancellationToken;
        try
        {
            return Eval(value, state);
        }
        finally
        {
            state.Empty();
            Core.ThreadSpare<State>.Give(state);
        }
    }

    /// <summary>Evaluates <paramref name="value"/> inside a method body as if <paramref name="parameter"/> held <paramref name="bound"/>.</summary>
    public Taint Evaluate(IOperation value, IParameterSymbol parameter, Taint bound, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<IParameterSymbol, Taint>(SymbolEqualityComparer.Default) { [parameter.OriginalDefinition] = bound };
        var state = new State(parameters, 1, cancellationToken);
        return Eval(value, state);
    }

    private sealed class State
    {
        public State(Dictionary<IParameterSymbol, Taint>? parameters, int depth, CancellationToken cancellationToken, State? parent = null)
        {
            Parameters = parameters;
            Depth = depth;
            CancellationToken = cancellationToken;
            Budget = parent?.Budget ?? this;
            FieldsInProgress = parent?.FieldsInProgress;
        }

        /// <summary>The stored fields whose writes are being evaluated (a cycle of fields written from each other stops here).</summary>
        public HashSet<IFieldSymbol>? FieldsInProgress { get; set; }

        public Dictionary<IParameterSymbol, Taint>? Parameters { get; }
        private Dictionary<ILocalSymbol, Taint?>? _locals;

        /// <summary>Created on the first local evaluated from its writes: most evaluations never evaluate one.</summary>
        public Dictionary<ILocalSymbol, Taint?> Locals => _locals ??= new(SymbolEqualityComparer.Default);

        /// <summary>A local's taint when it was evaluated (null: being evaluated), without creating the dictionary.</summary>
        public bool TryGetLocal(ILocalSymbol local, out Taint? taint)
        {
            taint = null;
            return _locals is { } locals && locals.TryGetValue(local, out taint);
        }

        private HashSet<ILocalSymbol>? _elementLocals;

        /// <summary>The locals whose writes are being taken apart by element (deconstruction): created on first use.</summary>
        public HashSet<ILocalSymbol> ElementLocals => _elementLocals ??= new(SymbolEqualityComparer.Default);
        public int Depth { get; }
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Back to a fresh outermost state (no parameters, depth 0), keeping its collections for the next evaluation.</summary>
        public void Empty()
        {
            Steps = 0;
            FieldsInProgress = null;
            // A dictionary grown large by one big evaluation is dropped: clearing it would cost its size every time after.
            if (_locals is { Count: > 64 })
                _locals = null;
            _locals?.Clear();
            _elementLocals?.Clear();
        }
        /// <summary>The outermost state of the evaluation, whose <see cref="Steps"/> every nested state counts in.</summary>
        public State Budget { get; }

        /// <summary>Steps taken by the whole evaluation (on its outermost state only).</summary>
        public int Steps;
    }

    private Taint Eval(IOperation? operation, State state)
    {
        if (operation is null || ++state.Budget.Steps > MaxSteps)
            return Taint.Clean;
        if ((state.Budget.Steps & 63) == 0)
            state.CancellationToken.ThrowIfCancellationRequested();
        // The kind is read once (an interface call on an operation of any of a hundred classes) for the constant check
        // and the switch below.
        var kind = operation.Kind;
        if (ConstantValues.IsConstant(operation, kind))
            return Taint.Clean;
        if (operation.Type is { } type && !_policy.CanCarry(type))
            return Taint.Clean;
        if (_policy.Classify(operation) is { } classified)
            return classified;

        // By the kind, which maps one to one to the interfaces below: a type pattern per case tested up to thirty
        // interfaces for the operations near the end of the list (invocations, creations), one cast helper call each.
        switch (kind)
        {
            case OperationKind.Conversion:
                return Eval(((IConversionOperation)operation).Operand, state);
            case OperationKind.Parenthesized:
                return Eval(((IParenthesizedOperation)operation).Operand, state);
            case OperationKind.Await:
                return Eval(((IAwaitOperation)operation).Operation, state);
            case OperationKind.InterpolatedString:
                return EvalInterpolation((IInterpolatedStringOperation)operation, state);
            case OperationKind.Binary:
                var binary = (IBinaryOperation)operation;
                return Eval(binary.LeftOperand, state).Merge(Eval(binary.RightOperand, state));
            case OperationKind.Coalesce:
                var coalesce = (ICoalesceOperation)operation;
                return Eval(coalesce.Value, state).Merge(Eval(coalesce.WhenNull, state));
            case OperationKind.Conditional:
                var conditional = (IConditionalOperation)operation;
                return Eval(conditional.WhenTrue, state).Merge(Eval(conditional.WhenFalse, state));
            case OperationKind.SwitchExpression:
                return EvalSwitch((ISwitchExpressionOperation)operation, state);
            case OperationKind.ConditionalAccess:
                return Eval(((IConditionalAccessOperation)operation).WhenNotNull, state);
            case OperationKind.ConditionalAccessInstance:
                return Eval(OperationNavigation.ConditionalAccessReceiver((IConditionalAccessInstanceOperation)operation), state);
            case OperationKind.LocalReference:
                return EvalLocal((ILocalReferenceOperation)operation, state);
            case OperationKind.ParameterReference:
                return state.Parameters is { } bound && bound.TryGetValue(((IParameterReferenceOperation)operation).Parameter, out var argument) ? argument : Taint.Clean;
            case OperationKind.PropertyReference:
                var property = (IPropertyReferenceOperation)operation;
                return IsOwnProperty(property) ? EvalGetter(property, state) : Eval(property.Instance, state);
            case OperationKind.FieldReference:
                var field = (IFieldReferenceOperation)operation;
                if (StoredFields.IsFollowed(field))
                    return EvalStoredField(field.Field.OriginalDefinition, state);
                return field.Instance is null ? Taint.Clean : Eval(field.Instance, state);
            case OperationKind.ArrayElementReference:
                return Eval(((IArrayElementReferenceOperation)operation).ArrayReference, state);
            case OperationKind.Invocation:
                return EvalInvocation((IInvocationOperation)operation, state);
            case OperationKind.ObjectCreation:
                var creation = (IObjectCreationOperation)operation;
                return EvalArguments(creation.Arguments, state).Merge(Eval(creation.Initializer, state));
            case OperationKind.ObjectOrCollectionInitializer:
                return EvalWrites(((IObjectOrCollectionInitializerOperation)operation).Initializers, state);
            case OperationKind.MemberInitializer:
                return Eval(((IMemberInitializerOperation)operation).Initializer, state);
            case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment
                or OperationKind.DeconstructionAssignment:
                return Eval(((IAssignmentOperation)operation).Value, state);
            case OperationKind.AnonymousObjectCreation:
                return EvalAll(((IAnonymousObjectCreationOperation)operation).Initializers, state);
            case OperationKind.Tuple:
                return EvalAll(((ITupleOperation)operation).Elements, state);
            case OperationKind.ArrayCreation:
                return Eval(((IArrayCreationOperation)operation).Initializer, state);
            case OperationKind.ArrayInitializer:
                return EvalAll(((IArrayInitializerOperation)operation).ElementValues, state);
            case OperationKind.AnonymousFunction:
                return EvalReturns(((IAnonymousFunctionOperation)operation).Body, state);
            case OperationKind.DelegateCreation:
                return Eval(((IDelegateCreationOperation)operation).Target, state);
            case OperationKind.DynamicMemberReference:
                var dynamicMember = (IDynamicMemberReferenceOperation)operation;
                return dynamicMember.Instance is null ? Taint.Clean : Eval(dynamicMember.Instance, state);
            case OperationKind.DynamicInvocation:
                var dynamicInvocation = (IDynamicInvocationOperation)operation;
                return Eval(dynamicInvocation.Operation, state).Merge(EvalAll(dynamicInvocation.Arguments, state));
            case OperationKind.DynamicIndexerAccess:
                return Eval(((IDynamicIndexerAccessOperation)operation).Operation, state);
            case OperationKind.With:
                var with = (IWithOperation)operation;
                return Eval(with.Operand, state).Merge(Eval(with.Initializer, state));
            case OperationKind.InstanceReference or OperationKind.DefaultValue or OperationKind.Literal or OperationKind.TypeOf
                or OperationKind.NameOf or OperationKind.SizeOf or OperationKind.MethodReference or OperationKind.Throw:
                return Taint.Clean;
            default:
                return EvalChildren(operation.ChildOperations, state);
        }
    }

    // The collections themselves, not IEnumerable: that boxed each one and allocated an enumerator per evaluation.
    private Taint EvalAll<T>(ImmutableArray<T> operations, State state)
        where T : IOperation
    {
        var result = Taint.Clean;
        foreach (var operation in operations)
            result = result.Merge(Eval(operation, state));
        return result;
    }

    private Taint EvalChildren(IOperation.OperationList children, State state)
    {
        var result = Taint.Clean;
        foreach (var child in children)
            result = result.Merge(Eval(child, state));
        return result;
    }

    private Taint EvalWrites(ImmutableArray<IOperation> writes, State state)
    {
        var result = Taint.Clean;
        foreach (var write in writes)
            result = result.Merge(EvalWrite(write, state));
        return result;
    }

    /// <summary>
    /// What a write puts into an object: the value of an assignment, the arguments of <c>list.Add(x)</c> (whose own
    /// type is void). The policy sees the write first, so writes into sinks stay clean (they are reported there).
    /// </summary>
    private Taint EvalWrite(IOperation write, State state)
    {
        if (write is IInvocationOperation invocation)
        {
            if (_policy.Classify(invocation) is { } classified)
                return classified;
            return EvalArguments(invocation.Arguments, state);
        }
        return Eval(write, state);
    }

    private Taint EvalArguments(ImmutableArray<IArgumentOperation> arguments, State state)
    {
        var result = Taint.Clean;
        foreach (var argument in arguments)
            result = result.Merge(Eval(argument.Value, state));
        return result;
    }

    private Taint EvalInterpolation(IInterpolatedStringOperation interpolated, State state)
    {
        var result = Taint.Clean;
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation hole)
                result = result.Merge(Eval(hole.Expression, state));
        }
        return result;
    }

    private Taint EvalSwitch(ISwitchExpressionOperation switchExpression, State state)
    {
        var result = Taint.Clean;
        foreach (var arm in switchExpression.Arms)
            result = result.Merge(Eval(arm.Value, state));
        return result;
    }

    private Taint EvalLocal(ILocalReferenceOperation reference, State state)
    {
        var local = reference.Local;
        if (state.TryGetLocal(local, out var known))
            return known ?? Taint.Clean; // null: being evaluated (a cycle such as `s = s + x`)
        var index = _indexes.For(DeclaringScope(reference));
        // Nothing in the declaring block can bring taint in, and no parameter is bound: clean without evaluating. Not
        // remembered in the state: the index says so again, and the dictionary would be made for this one answer.
        if (index.SourceFree && state.Parameters is null)
            return Taint.Clean;
        state.Locals[local] = null;
        var result = Taint.Clean;
        foreach (var write in index.WritesTo(local))
        {
            // A value written whole (`var text = ex.Message.Trim()`) is evaluated as a value, receiver included; a
            // mutation (`list.Add(x)`) puts only its arguments into the local's object; a deconstruction its element.
            result = result.Merge(write.Element is { } element ? EvalElement(write.Operation, element, 0, state)
                : write.IsMutation ? EvalWrite(write.Operation, state) : Eval(write.Operation, state));
            if (result.IsTainted)
                break;
        }
        state.Locals[local] = result;
        return result;
    }

    /// <summary>
    /// The block that declares the local read by <paramref name="reference"/>, or the body's root: every write to a
    /// local is inside its declaring block, so only that block is indexed (a local of a try block does not pay for
    /// the whole method). Locals declared by a catch clause, loop or using statement get the whole body.
    /// </summary>
    private static IOperation DeclaringScope(ILocalReferenceOperation reference)
    {
        IOperation current = reference;
        while (current.Parent is { } parent)
        {
            if (parent is IBlockOperation block && Declares(block, reference.Local))
                return block;
            current = parent;
        }
        return current;
    }

    private static bool Declares(IBlockOperation block, ILocalSymbol local)
    {
        foreach (var declared in block.Locals)
        {
            if (SymbolEqualityComparer.Default.Equals(declared, local))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Element <paramref name="path"/>[<paramref name="depth"/>..] of a tuple-valued operation (a deconstructed value).
    /// A tuple written out gives just that element, also through conversions, switch arms, conditionals, locals and the
    /// project's helpers (their returns); the policy may answer for any other value by the element, else it counts whole.
    /// </summary>
    private Taint EvalElement(IOperation? operation, int[] path, int depth, State state)
    {
        if (depth == path.Length)
            return Eval(operation, state);
        if (operation is null || ++state.Budget.Steps > MaxSteps)
            return Taint.Clean;
        switch (operation)
        {
            case IConversionOperation conversion:
                return EvalElement(conversion.Operand, path, depth, state);
            case IParenthesizedOperation parenthesized:
                return EvalElement(parenthesized.Operand, path, depth, state);
            case ITupleOperation tuple:
                return path[depth] < tuple.Elements.Length ? EvalElement(tuple.Elements[path[depth]], path, depth + 1, state) : Taint.Clean;
            case IConditionalOperation conditional:
                return EvalElement(conditional.WhenTrue, path, depth, state).Merge(EvalElement(conditional.WhenFalse, path, depth, state));
            case ISwitchExpressionOperation switchExpression:
                var arms = Taint.Clean;
                foreach (var arm in switchExpression.Arms)
                    arms = arms.Merge(EvalElement(arm.Value, path, depth, state));
                return arms;
            case ILocalReferenceOperation local when ElementWrites(local) is { } writes:
                // A local met again inside its own writes (`t = (t.Item2, x)`, `t = t`) adds nothing new.
                if (!state.ElementLocals.Add(local.Local))
                    return Taint.Clean;
                var written = Taint.Clean;
                foreach (var write in writes)
                    written = written.Merge(EvalElement(write.Operation, path, depth, state));
                state.ElementLocals.Remove(local.Local);
                return written;
            case ISimpleAssignmentOperation assignment when _policy.Classify(assignment) is null:
                return EvalElement(assignment.Value, path, depth, state);
            case IInvocationOperation invocation when _policy.Classify(invocation) is null:
                return EvalInvocation(invocation, state, path, depth);
            case IForEachLoopOperation loop:
                // An item of the loop's collection (`foreach (var (key, value) in pairs)`): the policy may answer by the
                // item type's element; otherwise the item carries what the collection carries, as a plain loop variable does.
                return _policy.ClassifyElement(loop.Collection, ForEachItems.ItemType(loop), path[depth]) ?? Eval(loop.Collection, state);
        }
        return _policy.ClassifyElement(operation, operation.Type, path[depth]) ?? Eval(operation, state);
    }

    /// <summary>The writes of a local that each give it a whole value (<c>var pair = (500, text)</c>), else null.</summary>
    private IReadOnlyList<LocalWrite>? ElementWrites(ILocalReferenceOperation reference)
    {
        var writes = _indexes.For(DeclaringScope(reference)).WritesTo(reference.Local);
        foreach (var write in writes)
        {
            if (write.IsMutation || write.Element is not null)
                return null;
        }
        return writes;
    }

    private Taint EvalInvocation(IInvocationOperation invocation, State state, int[]? path = null, int depth = 0)
    {
        var method = invocation.TargetMethod;
        if (state.Depth < MaxCallDepth && HasSourceBody(method))
        {
            // Only tainted arguments are bound: an unbound parameter reads as clean in the callee.
            Dictionary<IParameterSymbol, Taint>? parameters = null;
            var anyTainted = false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter)
                    continue;
                var taint = Eval(argument.Value, state);
                if (!taint.IsTainted)
                    continue;
                anyTainted = true;
                (parameters ??= new Dictionary<IParameterSymbol, Taint>(SymbolEqualityComparer.Default))[parameter.OriginalDefinition] = taint;
            }
            if (!anyTainted && _mayCreateTaint is { } mayCreate && !mayCreate(method.OriginalDefinition))
                return invocation.Instance is null ? Taint.Clean : Eval(invocation.Instance, state);
            if (_callees.GetBody(method, invocation) is { } body)
            {
                var calleeState = new State(parameters, state.Depth + 1, state.CancellationToken, state);
                return EvalReturns(body, calleeState, path, depth);
            }
        }

        // External code: the result carries whatever its receiver and arguments carry (string methods, StringBuilder,
        // serializers, Encoding, LINQ over tainted sequences, delegate Invoke, ...).
        if (path is not null && _policy.ClassifyElement(invocation, invocation.Type, path[depth]) is { } element)
            return element;
        var result = invocation.Instance is null ? Taint.Clean : Eval(invocation.Instance, state);
        return result.IsTainted ? result : EvalArguments(invocation.Arguments, state);
    }

    /// <summary>
    /// A property of the class itself or a static one (<c>ErrorText</c>, <c>this.Detail</c>): the only property reads
    /// whose getter the engine follows, like a helper method. Other reads carry what their object carries.
    /// </summary>
    private static bool IsOwnProperty(IPropertyReferenceOperation property) =>
        property.Instance is null || property.Instance.Kind == OperationKind.InstanceReference;

    private Taint EvalGetter(IPropertyReferenceOperation property, State state)
    {
        if (property.Property.GetMethod is not { } getter || state.Depth >= MaxCallDepth || !MayFollow(getter)
            || _callees.GetBody(getter, property) is not { } body)
            return Taint.Clean;
        return EvalReturns(body, new State(null, state.Depth + 1, state.CancellationToken, state));
    }

    /// <summary>
    /// The union of every value written to a stored field, evaluated in the writing methods with no argument bound.
    /// The answer is kept per field, except one found inside a cycle of fields (it may lack what flows around the cycle).
    /// </summary>
    private Taint EvalStoredField(IFieldSymbol field, State state)
    {
        if (_storedFields.TryGetValue(field, out var known))
            return known;
        var inProgress = state.FieldsInProgress ?? new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(field))
            return Taint.Clean;
        var outermost = inProgress.Count == 1;
        var fieldState = new State(null, 1, state.CancellationToken) { FieldsInProgress = inProgress };
        var result = Taint.Clean;
        foreach (var value in StoredFields.ValuesWrittenTo(field, _callees, state.CancellationToken))
        {
            result = result.Merge(Eval(value, fieldState));
            if (result.IsTainted)
                break;
        }
        inProgress.Remove(field);
        if (outermost)
            _storedFields.TryAdd(field, result);
        return result;
    }

    /// <summary>A method of the project whose body may create taint with no tainted argument bound.</summary>
    private bool MayFollow(IMethodSymbol method) =>
        HasSourceBody(method) && (_mayCreateTaint is null || _mayCreateTaint(method.OriginalDefinition));

    /// <summary>
    /// A method of the project, whose body the engine follows. Abstract and extern methods (the interfaces services are
    /// called through) have none: they are treated as external code.
    /// </summary>
    private static bool HasSourceBody(IMethodSymbol method) =>
        !method.IsAbstract && !method.IsExtern && !method.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>
    /// For <see cref="LocalWriteIndex.SourceFree"/>: a possible source of the policy, or a call (or own property
    /// getter) whose body the engine would follow and that may create taint on its own (the block's arguments to it
    /// are clean when the block is).
    /// </summary>
    private bool MayOriginateInBlock(IOperation operation, OperationKind kind, ITypeSymbol type) =>
        _mayOriginate!(operation, kind, type) || kind switch
        {
            OperationKind.Invocation => MayFollow(((IInvocationOperation)operation).TargetMethod),
            OperationKind.PropertyReference => (IPropertyReferenceOperation)operation is var property && IsOwnProperty(property)
                && property.Property.GetMethod is { } getter && MayFollow(getter),
            // A stored field is judged by its writes elsewhere in the class, which the block's scan cannot see.
            OperationKind.FieldReference => StoredFields.IsFollowed((IFieldReferenceOperation)operation),
            _ => false,
        };

    /// <summary>
    /// The union of what the body returns (nested lambdas and local functions excluded), or of element
    /// <paramref name="path"/>[<paramref name="depth"/>..] of it.
    /// </summary>
    private Taint EvalReturns(IOperation? body, State state, int[]? path = null, int depth = 0)
    {
        if (body is null)
            return Taint.Clean;
        var result = Taint.Clean;
        foreach (var returned in OperationNavigation.ReturnedValues(body))
        {
            result = result.Merge(path is null ? Eval(returned, state) : EvalElement(returned, path, depth, state));
            if (result.IsTainted)
                break;
        }
        return result;
    }
}
