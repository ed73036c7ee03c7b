using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Knowledge;

/// <summary>How a catalogued member turns its debug feature on.</summary>
internal enum DebugFeatureTrigger
{
    /// <summary>Calling the method is enough (<c>UseDeveloperExceptionPage()</c>).</summary>
    AnyCall,

    /// <summary>A call whose first bool parameter (default true) switches it on (<c>EnableSensitiveDataLogging()</c>).</summary>
    FlagArgument,

    /// <summary>Assigning a value that can be true to a bool property (<c>EnableDetailedErrors = true</c>).</summary>
    AssignedTrue,

    /// <summary>Assigning one of <see cref="DebugFeature.Values"/> (a string constant or an enum member name).</summary>
    AssignedValue,

    /// <summary>
    /// String arguments: the first must equal <see cref="DebugFeature.Key"/> (when set) and the last must be one of
    /// <see cref="DebugFeature.Values"/>: <c>UseSetting("detailedErrors", "true")</c>, <c>UseEnvironment("Development")</c>.
    /// For an indexer the key is the index and the value the assigned one: <c>configuration["detailedErrors"] = "true"</c>.
    /// </summary>
    KeyValue,
}

/// <summary>One catalogued member that enables a debug feature.</summary>
/// <param name="TypeName">Metadata name of the declaring type (or interface, when <paramref name="IncludeImplementations"/>).</param>
/// <param name="MemberName">Method or property name; <c>this[]</c> for an indexer.</param>
/// <param name="Key">For <see cref="DebugFeatureTrigger.KeyValue"/>: the key (case-insensitive).</param>
/// <param name="Values">Values that enable the feature (case-insensitive), for AssignedValue and KeyValue.</param>
/// <param name="ForcesDevelopment">The member forces the Development environment: no guard can help, so no code fix.</param>
/// <param name="KeyField">The <c>WebHostDefaults</c> field that holds <paramref name="Key"/> (static readonly, not a constant).</param>
internal sealed record DebugFeature(
    string TypeName,
    string MemberName,
    DebugFeatureTrigger Trigger,
    string Display,
    bool IncludeImplementations = false,
    string? Key = null,
    ImmutableArray<string> Values = default,
    bool ForcesDevelopment = false,
    string? KeyField = null);

/// <summary>
/// The members that switch on detailed errors or debug features, as data (LEAK005). Resolved once per compilation;
/// entries whose type the compilation does not reference simply drop out.
/// </summary>
internal sealed class DebugFeatureCatalogue
{
    public const string IndexerName = "this[]";
    private const string KeyFieldTypeName = "Microsoft.AspNetCore.Hosting.WebHostDefaults";

    private static readonly ImmutableArray<string> True = ImmutableArray.Create("true", "1");
    private static readonly ImmutableArray<string> Development = ImmutableArray.Create("Development");

    public static readonly ImmutableArray<DebugFeature> Features = ImmutableArray.Create(
        // Error pages: the developer exception page also echoes every request header, cookies and Authorization included.
        new DebugFeature("Microsoft.AspNetCore.Builder.DeveloperExceptionPageExtensions", "UseDeveloperExceptionPage", DebugFeatureTrigger.AnyCall, "UseDeveloperExceptionPage"),
        new DebugFeature("Microsoft.AspNetCore.Builder.DatabaseErrorPageExtensions", "UseDatabaseErrorPage", DebugFeatureTrigger.AnyCall, "UseDatabaseErrorPage"),
        new DebugFeature("Microsoft.AspNetCore.Builder.MigrationsEndPointExtensions", "UseMigrationsEndPoint", DebugFeatureTrigger.AnyCall, "UseMigrationsEndPoint"),

        // Detailed errors sent to clients.
        new DebugFeature("Microsoft.AspNetCore.SignalR.HubOptions", "EnableDetailedErrors", DebugFeatureTrigger.AssignedTrue, "HubOptions.EnableDetailedErrors"),
        new DebugFeature("Grpc.AspNetCore.Server.GrpcServiceOptions", "EnableDetailedErrors", DebugFeatureTrigger.AssignedTrue, "GrpcServiceOptions.EnableDetailedErrors"),
        new DebugFeature("Microsoft.AspNetCore.Components.Server.CircuitOptions", "DetailedErrors", DebugFeatureTrigger.AssignedTrue, "CircuitOptions.DetailedErrors"),
        new DebugFeature("Microsoft.AspNetCore.Components.Endpoints.RazorComponentsServiceOptions", "DetailedErrors", DebugFeatureTrigger.AssignedTrue, "RazorComponentsServiceOptions.DetailedErrors"),
        new DebugFeature("System.Web.Http.HttpConfiguration", "IncludeErrorDetailPolicy", DebugFeatureTrigger.AssignedValue, "IncludeErrorDetailPolicy.Always", Values: ImmutableArray.Create("Always")),

        // Host settings: WebHostDefaults.DetailedErrorsKey is "detailedErrors"; "environment" is WebHostDefaults.EnvironmentKey.
        new DebugFeature("Microsoft.AspNetCore.Hosting.IWebHostBuilder", "UseSetting", DebugFeatureTrigger.KeyValue, "detailedErrors setting", IncludeImplementations: true, Key: "detailedErrors", Values: True, KeyField: "DetailedErrorsKey"),
        new DebugFeature("Microsoft.Extensions.Configuration.IConfiguration", IndexerName, DebugFeatureTrigger.KeyValue, "detailedErrors setting", IncludeImplementations: true, Key: "detailedErrors", Values: True, KeyField: "DetailedErrorsKey"),
        new DebugFeature("Microsoft.AspNetCore.Hosting.IWebHostBuilder", "UseSetting", DebugFeatureTrigger.KeyValue, "UseSetting(WebHostDefaults.EnvironmentKey, \"Development\")", IncludeImplementations: true, Key: "environment", Values: Development, ForcesDevelopment: true, KeyField: "EnvironmentKey"),
        new DebugFeature("System.Environment", "SetEnvironmentVariable", DebugFeatureTrigger.KeyValue, "ASPNETCORE_DETAILEDERRORS", Key: "ASPNETCORE_DETAILEDERRORS", Values: True),

        // EF Core: sensitive-data logging writes query parameter values (passwords, tokens) to the logs.
        new DebugFeature("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder", "EnableSensitiveDataLogging", DebugFeatureTrigger.FlagArgument, "EnableSensitiveDataLogging"),
        new DebugFeature("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1", "EnableSensitiveDataLogging", DebugFeatureTrigger.FlagArgument, "EnableSensitiveDataLogging"),
        new DebugFeature("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder", "EnableDetailedErrors", DebugFeatureTrigger.FlagArgument, "EnableDetailedErrors"),
        new DebugFeature("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1", "EnableDetailedErrors", DebugFeatureTrigger.FlagArgument, "EnableDetailedErrors"),

        // IdentityModel: personal data and whole tokens in exception messages and logs.
        new DebugFeature("Microsoft.IdentityModel.Logging.IdentityModelEventSource", "ShowPII", DebugFeatureTrigger.AssignedTrue, "IdentityModelEventSource.ShowPII"),
        new DebugFeature("Microsoft.IdentityModel.Logging.IdentityModelEventSource", "LogCompleteSecurityArtifact", DebugFeatureTrigger.AssignedTrue, "IdentityModelEventSource.LogCompleteSecurityArtifact"),

        // Forcing the Development environment makes every Development guard downstream meaningless.
        new DebugFeature("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions", "UseEnvironment", DebugFeatureTrigger.KeyValue, "UseEnvironment(\"Development\")", Values: Development, ForcesDevelopment: true),
        new DebugFeature("Microsoft.Extensions.Hosting.HostingHostBuilderExtensions", "UseEnvironment", DebugFeatureTrigger.KeyValue, "UseEnvironment(\"Development\")", Values: Development, ForcesDevelopment: true),
        new DebugFeature("Microsoft.AspNetCore.Builder.WebApplicationOptions", "EnvironmentName", DebugFeatureTrigger.AssignedValue, "EnvironmentName = \"Development\"", Values: Development, ForcesDevelopment: true),
        new DebugFeature("Microsoft.Extensions.Hosting.HostApplicationBuilderSettings", "EnvironmentName", DebugFeatureTrigger.AssignedValue, "EnvironmentName = \"Development\"", Values: Development, ForcesDevelopment: true),
        new DebugFeature("Microsoft.Extensions.Hosting.IHostEnvironment", "EnvironmentName", DebugFeatureTrigger.AssignedValue, "EnvironmentName = \"Development\"", IncludeImplementations: true, Values: Development, ForcesDevelopment: true),
        new DebugFeature("Microsoft.AspNetCore.Hosting.IHostingEnvironment", "EnvironmentName", DebugFeatureTrigger.AssignedValue, "EnvironmentName = \"Development\"", IncludeImplementations: true, Values: Development, ForcesDevelopment: true),
        new DebugFeature("System.Environment", "SetEnvironmentVariable", DebugFeatureTrigger.KeyValue, "ASPNETCORE_ENVIRONMENT=Development", Key: "ASPNETCORE_ENVIRONMENT", Values: Development, ForcesDevelopment: true),
        new DebugFeature("System.Environment", "SetEnvironmentVariable", DebugFeatureTrigger.KeyValue, "DOTNET_ENVIRONMENT=Development", Key: "DOTNET_ENVIRONMENT", Values: Development, ForcesDevelopment: true));

    /// <summary>Declaring type, then member name, to the features it may switch on.</summary>
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, ImmutableArray<DebugFeature>>> _byType;
    /// <summary>Catalogued interfaces whose implementations count too (<c>ConfigureWebHostBuilder.UseSetting</c>).</summary>
    private readonly HashSet<INamedTypeSymbol> _interfaces;
    private readonly NameSet _interfaceMemberNames;
    /// <summary>Every catalogued member name: most calls are rejected by name before any symbol is hashed.</summary>
    private readonly NameSet _memberNames;
    private readonly INamedTypeSymbol? _keyFieldType;

    private DebugFeatureCatalogue(
        Dictionary<INamedTypeSymbol, Dictionary<string, ImmutableArray<DebugFeature>>> byType,
        HashSet<INamedTypeSymbol> interfaces,
        NameSet interfaceMemberNames,
        NameSet memberNames,
        INamedTypeSymbol? keyFieldType)
    {
        _memberNames = memberNames;
        _byType = byType;
        _interfaces = interfaces;
        _interfaceMemberNames = interfaceMemberNames;
        _keyFieldType = keyFieldType;
    }

    public bool IsEmpty => _byType.Count == 0;

    public static DebugFeatureCatalogue Create(Compilation compilation)
    {
        var byType = new Dictionary<INamedTypeSymbol, Dictionary<string, ImmutableArray<DebugFeature>>>(SymbolEqualityComparer.Default);
        var interfaces = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var interfaceMemberNames = new NameSet();
        var memberNames = new NameSet();
        foreach (var feature in Features)
        {
            memberNames.Add(feature.MemberName);
            if (KnownTypes.Find(compilation, feature.TypeName) is not { } type)
                continue;
            if (!byType.TryGetValue(type, out var members))
                byType[type] = members = new Dictionary<string, ImmutableArray<DebugFeature>>();
            members[feature.MemberName] = members.TryGetValue(feature.MemberName, out var existing)
                ? existing.Add(feature)
                : ImmutableArray.Create(feature);
            if (feature.IncludeImplementations)
            {
                interfaces.Add(type);
                interfaceMemberNames.Add(feature.MemberName);
            }
        }
        return new DebugFeatureCatalogue(byType, interfaces, interfaceMemberNames, memberNames, KnownTypes.Find(compilation, KeyFieldTypeName));
    }

    /// <summary>
    /// The features that <paramref name="member"/> (a method or property) may switch on: declared on a catalogued
    /// type, or on a type implementing a catalogued interface. Empty (never default) when none; allocates nothing.
    /// </summary>
    public ImmutableArray<DebugFeature> Match(IPropertySymbol property) => Match(property, property.IsIndexer ? IndexerName : property.Name);

    /// <inheritdoc cref="Match(IPropertySymbol)"/>
    /// <remarks>Asked of every call of the project: a method is never an indexer, so its name is read without a type test.</remarks>
    public ImmutableArray<DebugFeature> Match(IMethodSymbol method) => Match(method, method.Name);

    private ImmutableArray<DebugFeature> Match(ISymbol member, string name)
    {
        // The name first: it is a field read, while a containing type goes through the public API's symbol mapping.
        if (!_memberNames.Contains(name) || member.ContainingType is not { } declaring)
            return ImmutableArray<DebugFeature>.Empty;
        if (_byType.TryGetValue(declaring.OriginalDefinition, out var members))
            return members.TryGetValue(name, out var features) ? features : ImmutableArray<DebugFeature>.Empty;
        if (!_interfaceMemberNames.Contains(name))
            return ImmutableArray<DebugFeature>.Empty;
        foreach (var contract in declaring.AllInterfaces)
        {
            if (_byType.TryGetValue(contract.OriginalDefinition, out members)
                && _interfaces.Contains(contract.OriginalDefinition)
                && members.TryGetValue(name, out var features))
                return features;
        }
        return ImmutableArray<DebugFeature>.Empty;
    }

    /// <summary>Whether <paramref name="key"/> is the feature's key: a constant, or the <c>WebHostDefaults</c> field holding it.</summary>
    public bool IsKey(IOperation key, DebugFeature feature)
    {
        if (feature.Key is null)
            return false;
        while (key is IConversionOperation conversion)
            key = conversion.Operand;
        if (ConstantValues.Text(key) is { } text)
            return string.Equals(text, feature.Key, System.StringComparison.OrdinalIgnoreCase);
        return feature.KeyField is not null
            && key is IFieldReferenceOperation { Field: { IsStatic: true } field }
            && field.Name == feature.KeyField
            && SymbolEqualityComparer.Default.Equals(field.ContainingType, _keyFieldType);
    }
}
