using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>The (key, value) entries of a dictionary initializer: <c>["k"] = v</c>, <c>{ "k", v }</c>.</summary>
internal static class DictionaryEntries
{
    public static IEnumerable<(IOperation? Key, IOperation Value)> Of(IObjectOrCollectionInitializerOperation initializer)
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
}
