using System.ComponentModel.DataAnnotations;

namespace Provisioning.Grains.Instances;

/// <summary>
/// Templates for what a buyer gets when an instance opens (configuration section <c>Provisioning:Access</c>).
/// Placeholders: {instanceId}, {orderId}, {customerId}, {customerName}, {productId}, {skuCode}.
/// </summary>
public sealed class InstanceAccessOptions
{
    public const string SectionName = "Provisioning:Access";

    [Required, MaxLength(512)]
    public string FrontEndUrl { get; set; } = "https://saas.example.com/login?instance={instanceId}";

    [MaxLength(512)]
    public string? AdminUrl { get; set; } = "https://saas.example.com/admin?instance={instanceId}";

    /// <summary>The initial login name; empty means the product hands out no account.</summary>
    [MaxLength(64)]
    public string? UserName { get; set; } = "admin";

    /// <summary>Length of the random initial password; 0 means no password is handed out.</summary>
    [Range(0, 64)]
    public int PasswordLength { get; set; } = 16;

    [MaxLength(1024)]
    public string? Memo { get; set; }
}
