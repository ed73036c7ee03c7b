namespace LeakyApi.ErrorResponses.Domain;

/// <summary>A supplier price feed whose failures (timeouts, parse errors) the catalogue endpoints must not echo.</summary>
public sealed class PriceFeed(HttpClient http)
{
    public async Task<decimal> GetPriceAsync(string sku, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync($"prices/{Uri.EscapeDataString(sku)}", cancellationToken);
        return decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
