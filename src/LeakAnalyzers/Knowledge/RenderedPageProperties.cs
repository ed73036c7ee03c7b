using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// Properties a page's own code sets for its view to render: every public property of a Razor Pages
/// <c>PageModel</c> subclass (the page reads it as <c>@Model.ErrorMessage</c>), and <c>[TempData]</c> / <c>[ViewData]</c>
/// properties of controllers and page models (shown by the next page or the view). Only writes through <c>this</c>
/// count: another instance's property is not the rendered one.
/// </summary>
internal sealed class RenderedPageProperties
{
    private readonly INamedTypeSymbol? _pageModel;
    private readonly INamedTypeSymbol? _tempData;
    private readonly INamedTypeSymbol? _viewData;

    public RenderedPageProperties(Compilation compilation)
    {
        _pageModel = KnownTypes.Find(compilation, ResponseSinkCatalogue.PageModelType);
        _tempData = KnownTypes.Find(compilation, ResponseSinkCatalogue.TempDataAttributeType);
        _viewData = KnownTypes.Find(compilation, ResponseSinkCatalogue.ViewDataAttributeType);
    }

    public bool IsEmpty => _pageModel is null && _tempData is null && _viewData is null;

    /// <summary>Whether <paramref name="target"/> is a rendered property written through <c>this</c>.</summary>
    public bool IsRendered(IOperation target)
    {
        // Pages and controllers derive from a framework class: a type deriving straight from object (a DTO setting its
        // own properties in a constructor, a service) is answered before any walk or attribute read.
        if (IsEmpty
            || target is not IPropertyReferenceOperation { Instance: IInstanceReferenceOperation, Property: { IsStatic: false, IsIndexer: false } property }
            || property.ContainingType is not { TypeKind: TypeKind.Class, BaseType: { SpecialType: SpecialType.None } direct })
            return false;
        if (property.DeclaredAccessibility == Accessibility.Public && property.GetMethod is { DeclaredAccessibility: Accessibility.Public }
            && SymbolNames.InheritsFromOrEquals(direct, _pageModel))
            return true;
        return HasRenderingAttribute(property);
    }

    private bool HasRenderingAttribute(IPropertySymbol property)
    {
        if (_tempData is null && _viewData is null)
            return false;
        foreach (var attribute in property.GetAttributes())
        {
            var attributeType = attribute.AttributeClass?.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(attributeType, _tempData) || SymbolEqualityComparer.Default.Equals(attributeType, _viewData))
                return true;
        }
        return false;
    }
}
