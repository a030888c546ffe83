namespace Provisioning.KooGallery.Login;

/// <summary>The answer format asked of a CAS ticket validation; always sent, since auth centers differ on the default .</summary>
public enum CasFormat
{
    Xml,
    Json,
}
