using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// <see cref="Compilation.GetTypeByMetadataName"/> for the catalogues, answered from the merged namespace tree, which
/// the compiler has already built and shares with every analyzer. <c>GetTypeByMetadataName</c> searches every
/// referenced assembly for each name, also for names that exist nowhere (System.Web and Web API 2 in an ASP.NET Core
/// app, gRPC, NLog, log4net): the catalogues ask about 220 names at each compilation start, which took about 10 ms at
/// 200k lines on the benchmark. The tree holds a namespace's types from all assemblies at once. Where its answer could
/// differ from <c>GetTypeByMetadataName</c>'s (the name is declared by more than one assembly, or only by a type that is
/// not public), the name is looked up as before. Types reachable only through an <c>extern alias</c> are not in the
/// tree, and no catalogue relies on one.
/// </summary>
internal static class KnownTypes
{
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        var nested = metadataName.IndexOf('+');
        var topLevelEnd = nested >= 0 ? nested : metadataName.Length;
        // A name with no top-level part ("", "+Inner", as an option may be written) is the lookup's to reject.
        if (topLevelEnd == 0)
            return compilation.GetTypeByMetadataName(metadataName);
        var namespaceEnd = metadataName.LastIndexOf('.', topLevelEnd - 1);
        var ns = namespaceEnd > 0 ? FindNamespace(compilation.GlobalNamespace, metadataName, namespaceEnd) : compilation.GlobalNamespace;
        if (ns is null)
            return null;
        var topLevelName = metadataName.Substring(namespaceEnd + 1, topLevelEnd - namespaceEnd - 1);
        if (!TryFindTopLevel(compilation, ns, topLevelName, out var type))
            return compilation.GetTypeByMetadataName(metadataName);
        // Nested types (Outer+Inner): one type declares each metadata name at most once.
        for (var start = nested + 1; type is not null && start > 0; )
        {
            var next = metadataName.IndexOf('+', start);
            var end = next >= 0 ? next : metadataName.Length;
            type = Member(type, metadataName.Substring(start, end - start));
            start = next + 1;
        }
        return type;
    }

    /// <summary>
    /// False when the tree cannot answer as <c>GetTypeByMetadataName</c> would: that prefers the compilation's own type,
    /// then takes the one referenced type of the name, and gives null when several assemblies declare it.
    /// </summary>
    private static bool TryFindTopLevel(Compilation compilation, INamespaceSymbol ns, string metadataName, out INamedTypeSymbol? found)
    {
        found = null;
        // A compiler-generated name (a file-local type's <File>F…__Name) is not the name the tree knows the type by.
        if (!IsIdentifierWithArity(metadataName))
            return false;
        var candidates = 0;
        foreach (var type in ns.GetTypeMembers(TypeName(metadataName)))
        {
            if (type.MetadataName != metadataName)
                continue;
            if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
            {
                found = type;
                return true;
            }
            found = type;
            candidates++;
        }
        // A type that is not public may be hidden from the lookup (compiler-embedded attributes) or declared again,
        // internally, by other assemblies.
        return candidates == 0 || candidates == 1 && found!.DeclaredAccessibility == Accessibility.Public;
    }

    private static INamedTypeSymbol? Member(INamedTypeSymbol type, string metadataName)
    {
        foreach (var member in type.GetTypeMembers(TypeName(metadataName)))
        {
            if (member.MetadataName == metadataName)
                return member;
        }
        return null;
    }

    private static bool IsIdentifierWithArity(string metadataName)
    {
        var tick = metadataName.IndexOf('`');
        var end = tick >= 0 ? tick : metadataName.Length;
        if (end == 0)
            return false;
        for (var i = 0; i < metadataName.Length; i++)
        {
            var c = metadataName[i];
            if (i < end ? !char.IsLetterOrDigit(c) && c != '_' : i > end && !char.IsDigit(c))
                return false;
        }
        return true;
    }

    /// <summary><c>List`1</c> is declared by the name <c>List</c>.</summary>
    private static string TypeName(string metadataName)
    {
        var tick = metadataName.IndexOf('`');
        return tick > 0 ? metadataName.Substring(0, tick) : metadataName;
    }

    private static INamespaceSymbol? FindNamespace(INamespaceSymbol global, string metadataName, int end)
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
                return null;
            current = next;
            start = dot + 1;
        }
        return current;
    }
}
