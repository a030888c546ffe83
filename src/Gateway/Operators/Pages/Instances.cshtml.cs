using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Grains;
using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>The instance list, filtered and paged by instance id (a keyset page: the 1,000th page costs what the first does).</summary>
public sealed class InstancesModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<string> Statuses = [.. Enum.GetValues<InstanceStatus>().Select(Names.Of)];

    [BindProperty(SupportsGet = true)] public bool Test { get; set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Product { get; set; }

    [BindProperty(SupportsGet = true)] public string? Customer { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? ExpiringBefore { get; set; }

    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<InstanceView> Listed { get; private set; } = [];

    public string? NextPage { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync()
    {
        if (!ModelState.IsValid)
        {
            Problem = "A filter could not be read: " + string.Join("; ", ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key));
            return;
        }

        InstanceStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (!Enum.TryParse<InstanceStatus>(Status, ignoreCase: true, out var parsed))
            {
                Problem = $"Unknown status '{Status}'.";
                return;
            }

            status = parsed;
        }

        var expiresBefore = ExpiringBefore is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var page = await grains.GetInstanceCatalog().List(new InstanceQuery(Test ? Traffic.Test : Traffic.Live, status, Empty(Product), Empty(Customer),
            expiresBefore, Empty(After), PageSize));
        Listed = page.Instances;
        if (page.NextAfter is { } nextAfter)
        {
            var query = new QueryBuilder();
            if (Test) query.Add("test", "true");
            if (!string.IsNullOrEmpty(Status)) query.Add("status", Status);
            if (Empty(Product) is { } product) query.Add("product", product);
            if (Empty(Customer) is { } customer) query.Add("customer", customer);
            if (ExpiringBefore is { } before) query.Add("expiringBefore", before.ToString("yyyy-MM-dd"));
            query.Add("after", nextAfter);
            NextPage = "/console/instances" + query.ToQueryString();
        }
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
