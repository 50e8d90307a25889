using System.Text.Json;

namespace Cj.Runner.Plan;

/// <summary>Model prices in USD per million tokens, from the embedded <c>prices.json</c> (data, not code).</summary>
internal sealed record ModelPrice(string Provider, string Model, decimal Input, decimal Output, decimal CacheRead);

internal sealed class PriceTable
{
    private readonly Dictionary<(string, string), ModelPrice> _prices;
    private readonly Dictionary<string, string> _defaults;

    private PriceTable(IEnumerable<ModelPrice> prices, Dictionary<string, string> defaults, string asOf)
    {
        _prices = prices.ToDictionary(p => (p.Provider, p.Model));
        _defaults = defaults;
        AsOf = asOf;
    }

    public static PriceTable Embedded { get; } = Load();

    public string AsOf { get; }

    public IEnumerable<string> Providers => _defaults.Keys;

    public string? DefaultModel(string provider) => _defaults.GetValueOrDefault(provider);

    public ModelPrice? Find(string provider, string model) => _prices.GetValueOrDefault((provider, model));

    private static PriceTable Load()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream("prices.json")
            ?? throw new InvalidOperationException("The price table resource is missing from the runner assembly.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var prices = root.GetProperty("models").EnumerateArray().Select(m => new ModelPrice(
            m.GetProperty("provider").GetString()!,
            m.GetProperty("model").GetString()!,
            m.GetProperty("input").GetDecimal(),
            m.GetProperty("output").GetDecimal(),
            m.GetProperty("cache_read").GetDecimal()));
        var defaults = root.GetProperty("default_models").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return new PriceTable(prices, defaults, root.GetProperty("as_of").GetString()!);
    }
}
