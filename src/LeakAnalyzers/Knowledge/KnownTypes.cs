using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// <see cref="Compilation.GetTypeByMetadataName"/> for the catalogues. Most catalogued types belong to frameworks a
/// given project does not reference (System.Web and Web API 2 in an ASP.NET Core app, gRPC, NLog, log4net), and a
/// lookup that finds nothing still searches every referenced assembly. A name whose namespace the compilation does not
/// have at all is answered from the merged namespace tree instead, which the compiler has already built and shares
/// with every analyzer. Names of types that may exist are looked up as before, so results are unchanged (except for
/// types reachable only through an <c>extern alias</c>, which no catalogue relies on).
/// </summary>
internal static class KnownTypes
{
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        var nested = metadataName.IndexOf('+');
        var namespaceEnd = nested >= 0 ? metadataName.LastIndexOf('.', nested) : metadataName.LastIndexOf('.');
        if (namespaceEnd > 0 && !NamespaceExists(compilation.GlobalNamespace, metadataName, namespaceEnd))
            return null;
        return compilation.GetTypeByMetadataName(metadataName);
    }

    private static bool NamespaceExists(INamespaceSymbol global, string metadataName, int end)
    {
        var current = global;
        var start = 0;
        while (start < end)
        {
            var dot = metadataName.IndexOf('.', start);
            if (dot < 0 || dot > end)
                dot = end;
            var segment = metadataName.Substring(start, dot - start);
            INamespaceSymbol? next = null;
            // By name: the merged namespace answers from its member table without wrapping its other members.
            foreach (var member in current.GetMembers(segment))
            {
                if (member is INamespaceSymbol found)
                {
                    next = found;
                    break;
                }
            }
            if (next is null)
                return false;
            current = next;
            start = dot + 1;
        }
        return true;
    }
}
