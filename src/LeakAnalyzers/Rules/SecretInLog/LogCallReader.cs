using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>One value a log call writes, and how the logger renders it.</summary>
internal readonly struct LoggedValue
{
    public LoggedValue(IOperation value, int templatePosition, bool destructure, bool removable)
    {
        Value = value;
        TemplatePosition = templatePosition;
        Destructure = destructure;
        Removable = removable;
    }

    public IOperation Value { get; }
    /// <summary>Position among the arguments after the template (hole mapping), or -1.</summary>
    public int TemplatePosition { get; }
    /// <summary><c>{@X}</c>, <c>destructureObjects: true</c>: the logger writes the object's members.</summary>
    public bool Destructure { get; }
    /// <summary>The argument can be dropped from the call together with its hole (params / generic template arguments).</summary>
    public bool Removable { get; }
}

/// <summary>
/// A recognised log call: its template (if any) and the values it writes. Filled by <see cref="LogCallReader"/>, which
/// hands the same object out again after <see cref="LogCallReader.Release"/>.
/// </summary>
internal sealed class LogCall
{
    public string MethodName { get; private set; } = string.Empty;
    public IOperation? Template { get; private set; }
    public List<LoggedValue> Values { get; } = new();

    /// <summary>
    /// A structured logger's template with no arguments after it: an interpolated message can become a template with
    /// named holes and trailing arguments (what the code fix does when it removes a secret hole).
    /// </summary>
    public bool TemplateTakesArguments { get; private set; }

    /// <summary>The call's own parts, once <see cref="Values"/> holds its values.</summary>
    public LogCall Complete(string methodName, IOperation? template, bool templateTakesArguments = false)
    {
        MethodName = methodName;
        Template = template;
        TemplateTakesArguments = templateTakesArguments;
        return this;
    }

    /// <summary>Empty again, holding no operation of the call just read.</summary>
    public void Clear()
    {
        Values.Clear();
        Template = null;
    }
}

/// <summary>Turns an invocation into a <see cref="LogCall"/> when it writes to a log (see <see cref="LogSinkCatalogue"/>).</summary>
internal static class LogCallReader
{
    /// <summary>
    /// Gives <paramref name="call"/> to the next call read on this thread; it is not used after. A call and its values
    /// list per log call were most of what this rule allocated (<see cref="ThreadSpare{T}"/>).
    /// </summary>
    public static void Release(LogCall call)
    {
        call.Clear();
        ThreadSpare<LogCall>.Give(call);
    }

    private static LogCall Rent() => ThreadSpare<LogCall>.Take() ?? new LogCall();

    public static LogCall? Read(IInvocationOperation invocation, LogMethodShapes shapes, SecretInLogOptions options)
    {
        var symbols = shapes.Symbols;
        var method = invocation.TargetMethod;
        // Catalogued library methods first: they are most of the log calls, and the attribute check below decodes
        // attributes of the target.
        if (symbols.IsCatalogued(method))
            return ReadCatalogued(invocation, shapes);
        if (symbols.IsLoggerMessageDelegate(method))
            return ReadFixedArguments(invocation, symbols, template: null, (invocation.Instance as IMemberReferenceOperation)?.Member.Name ?? method.Name);
        if (symbols.GetLoggerMessageAttribute(method) is { } attribute)
            return ReadFixedArguments(invocation, symbols, TemplateOf(attribute), method.Name);
        if (symbols.IsConsoleStreamWrite(method, invocation.Instance) || options.IsAdditionalLogMethod(method))
            return ReadCatalogued(invocation, shapes);
        return null;
    }

    private static LogCall ReadCatalogued(IInvocationOperation invocation, LogMethodShapes shapes)
    {
        var method = invocation.TargetMethod;
        var shape = shapes.For(method);
        var call = Rent();
        var values = call.Values;
        IOperation? template = null;
        MessageTemplate? parsed = null;
        var position = 0;
        var destructureAll = HasDestructureFlag(invocation, shape);
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                continue;
            var role = shape.RoleOf(parameter);
            switch (role)
            {
                case LogParameterRole.Skip:
                    continue;
                // The argument's type is the parameter's (the value is converted to it), without substituting the call's
                // type arguments into the parameter, which Roslyn does again for every call of a generic method.
                case LogParameterRole.ValueUnlessIgnoredType when shapes.Symbols.IsIgnoredParameterType(argument.Value.Type ?? parameter.Type):
                    continue;
                case LogParameterRole.Category:
                    values.Add(new LoggedValue(argument.Value, -1, false, false));
                    continue;
                case LogParameterRole.Template when template is null:
                    template = argument.Value;
                    // The parsed holes only tell which arguments are destructured ({@User}); without an '@' there are none.
                    parsed = ConstantValues.Text(template) is { } text && text.IndexOf('@') >= 0 ? MessageTemplate.Parse(text) : null;
                    values.Add(new LoggedValue(argument.Value, -1, false, false));
                    continue;
                case LogParameterRole.Params when argument.ArgumentKind != ArgumentKind.Explicit:
                    // Expanded `params` (array or, from C# 13, span/collection): each element is its own argument.
                    if (argument.Value is IArrayCreationOperation array)
                    {
                        if (array.Initializer is { } initializer)
                        {
                            foreach (var element in initializer.ElementValues)
                                values.Add(Templated(element, template, parsed, position++, destructureAll, removable: true));
                        }
                    }
                    else
                    {
                        // A params collection (ReadOnlySpan<object?>) is a collection expression whose children are the elements.
                        foreach (var element in argument.Value.ChildOperations)
                            values.Add(Templated(element, template, parsed, position++, destructureAll, removable: true));
                    }
                    continue;
                case LogParameterRole.Params when argument.Value is IArrayCreationOperation { Initializer: { } written }:
                    // `new object[] { a, b }` written out: still one argument per element, but not removable one by one.
                    foreach (var element in written.ElementValues)
                        values.Add(Templated(element, template, parsed, position++, destructureAll, removable: false));
                    continue;
                case LogParameterRole.Params when shapes.Symbols.IsIgnoredParameterType(parameter.Type):
                    continue;
            }
            // Every catalogued library has an overload without the trailing argument, so it can always be dropped.
            values.Add(Templated(argument.Value, template, parsed, template is null ? -1 : position++, destructureAll, removable: true));
        }
        var takesArguments = template is not null && position == 0 && shape.UsesNamedTemplates;
        return call.Complete(method.Name, template, takesArguments);
    }

    /// <summary>LoggerMessage.Define delegates and [LoggerMessage] methods: every non-logger, non-exception argument.</summary>
    private static LogCall ReadFixedArguments(IInvocationOperation invocation, LogSinkSymbols symbols, MessageTemplate? template, string name)
    {
        var call = Rent();
        var values = call.Values;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue || symbols.IsIgnoredParameterType(parameter.Type))
                continue;
            var destructure = false;
            if (template is not null)
            {
                foreach (var hole in template.HolesNamed(parameter.Name))
                    destructure |= hole.Destructure;
            }
            values.Add(new LoggedValue(argument.Value, -1, destructure, removable: false));
        }
        return call.Complete(name, null);
    }

    private static LoggedValue Templated(IOperation value, IOperation? template, MessageTemplate? parsed, int position, bool destructureAll, bool removable)
    {
        var destructure = destructureAll;
        if (parsed is not null && position >= 0)
        {
            foreach (var hole in parsed.HolesFor(position))
                destructure |= hole.Destructure;
        }
        return new LoggedValue(value, position, destructure, removable && template is not null);
    }

    private static bool HasDestructureFlag(IInvocationOperation invocation, LogMethodShape shape)
    {
        if (shape.DestructureOrdinal < 0)
            return false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == shape.DestructureOrdinal
                && argument.Value.ConstantValue is { HasValue: true, Value: true })
                return true;
        }
        return false;
    }

    private static MessageTemplate? TemplateOf(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Message" && named.Value.Value is string message)
                return MessageTemplate.Parse(message);
        }
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Value is string message)
                return MessageTemplate.Parse(message);
        }
        return null;
    }
}
