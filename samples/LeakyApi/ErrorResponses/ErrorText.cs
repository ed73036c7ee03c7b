namespace LeakyApi.ErrorResponses;

/// <summary>Project helpers that build error text; the analyzer follows values through them.</summary>
public static class ErrorText
{
    // Leaks when its result is returned: the type name and message of whatever was thrown.
    public static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";

    // Safe: the text does not depend on the exception.
    public static string Generic(string operation) => $"The {operation} could not be completed. Please try again later.";
}
