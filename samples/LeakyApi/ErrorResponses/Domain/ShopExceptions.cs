namespace LeakyApi.ErrorResponses.Domain;

// Operational exceptions: thrown on purpose by the application with messages written for clients, so returning
// their Message is fine (LEAK001 treats exception types declared in the project as operational).

public sealed class OrderNotFoundException(int orderId) : Exception($"Order {orderId} does not exist.");

public sealed class InsufficientStockException(string sku) : Exception($"Not enough stock for {sku}.");
