using Microsoft.EntityFrameworkCore;

namespace LeakyApi.ErrorResponses.Data;

/// <summary>
/// A small EF Core model on PostgreSQL (Npgsql). Only registered, never connected to at build time: the sample is
/// about what reaches the response when a database call fails.
/// </summary>
public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().HasIndex(c => c.Email).IsUnique();
        modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(12, 2);
    }
}

public sealed class Customer
{
    public int Id { get; set; }

    public required string Email { get; set; }

    public required string Name { get; set; }
}

public sealed class Order
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public decimal Total { get; set; }

    public string Status { get; set; } = "Open";
}
