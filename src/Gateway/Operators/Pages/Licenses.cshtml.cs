using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>One activation code as this backend holds it: state, expiry, last check with the marketplace.</summary>
public sealed class LicensesModel(IGrainFactory grains) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    [BindProperty(SupportsGet = true)] public bool Test { get; set; }

    public CodeStanding? Standing { get; private set; }

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Code)) return;
        Standing = await grains.GetActivationCode(new ActivationCodeAddress(Code.Trim(), Test ? Traffic.Test : Traffic.Live)).Peek();
    }
}
