using LeakyApi.ErrorResponses.Data;
using Microsoft.EntityFrameworkCore;

namespace LeakyApi.ErrorResponses.Domain;

public sealed record OrderLine(string Sku, int Quantity);

public sealed class OrderService(ShopDbContext db)
{
    public async Task<Order> FindAsync(int orderId, CancellationToken cancellationToken)
    {
        return await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new OrderNotFoundException(orderId);
    }

    public async Task<Order> PlaceAsync(int customerId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken)
    {
        if (lines.Any(l => l.Quantity > 100))
            throw new InsufficientStockException(lines.First(l => l.Quantity > 100).Sku);
        var order = new Order { CustomerId = customerId, Total = lines.Sum(l => l.Quantity * 9.99m) };
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }

    public async Task CancelAsync(int orderId, CancellationToken cancellationToken)
    {
        var order = await FindAsync(orderId, cancellationToken);
        order.Status = "Cancelled";
        await db.SaveChangesAsync(cancellationToken);
    }
}
