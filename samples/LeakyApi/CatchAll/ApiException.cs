namespace LeakyApi.CatchAll;

/// <summary>The app's own deliberate error: thrown on purpose with the status the client must get.</summary>
public class ApiException : Exception
{
    public ApiException(int statusCode, string message) : base(message) => StatusCode = statusCode;

    public int StatusCode { get; }
}

public sealed class NotFoundException : ApiException
{
    public NotFoundException(string what) : base(StatusCodes.Status404NotFound, what + " was not found") { }
}
