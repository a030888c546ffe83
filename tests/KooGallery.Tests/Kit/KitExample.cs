using System.Text;
using System.Text.Json;
using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Tests.Kit;

/// <summary>The Kit spec's worked example bodies and keys, exactly as printed.</summary>
internal static class KitExample
{
    public const string Key = "TestKey0123456789";
    public const string AccessKey = "KitAccessKey0123456789";

    public const string TenantSyncV1 =
        """{"instanceId":"huaiweitest123456","orderId":"CS1906666666ABCDE","tenantId":"68cbc86abc0123456789880d92f36422fa0e","tenantCode":"huawei","name":"huaiweitest","domainName":"https://example.tenantaccount.com","flag":1,"testFlag":0,"timeStamp":"20220413093539534"}""";

    public const string TenantSyncV1WithBlankIds =
        """{"instanceId":"","orderId":"","tenantId":"68cbc86abc0123456789880d92f36422fa0e","tenantCode":"huawei","name":"huaiweitest","domainName":"https://example.tenantaccount.com","flag":1,"testFlag":0,"timeStamp":"20220413093539534"}""";

    public const string TenantSyncV2 =
        """{"domainName":"https://example.tenantaccount.com","flag":1,"instanceId":"huaiweitest123456","name":"huaiweitest","orderId":"CS1906666666ABCDE","tenantCode":"huawei","tenantId":"68cbc86abc0123456789880d92f36422fa0e","testFlag":0,"timeStamp":"20220413093539534"}""";

    public const string ApplicationSync =
        """{"instanceId":"61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7","tenantId":"68cbc86abc0123456789880d92f36422fa0e","appId":"a1b2c3d4e5f6","clientId":"NzZeWuiJa91dPSRdZQChMaz","clientSecret":"Qm9ndXNDaXBoZXJ0ZXh0…(512 chars)…","flag":1,"testFlag":0,"timeStamp":"20240315151130456"}""";

    public const string AuthSyncV1 = """
        {
          "instanceId": "61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7",
          "tenantId": "68cbc86abc0123456789880d92f36422fa0e",
          "appId": "a1b2c3d4e5f6",
          "userList": "[{\"userName\":\"zhangsan01\",\"name\":\"Zhang San\",\"position\":\"Engineer\",\"orgCode\":\"10001\",\"role\":\"admin\",\"enable\":\"true\",\"employeeCode\":\"\",\"mobile\":\"\",\"email\":\"\",\"extension\":{\"entryDate\":\"2022-11-9\",\"employeeType\":\"1\",\"workPlace\":\"Nanjing\"}}]",
          "currentSyncTime": "20240315151130123",
          "flag": 1,
          "testFlag": 0,
          "timeStamp": "20240315151130456"
        }
        """;

    public const string AuthSyncV2 =
        """{"appId":"a1b2c3d4e5f6","currentSyncTime":"20240315151130123","flag":1,"instanceId":"61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7","tenantId":"68cbc86abc0123456789880d92f36422fa0e","testFlag":0,"timeStamp":"20240315151130456","userList":[{"userName":"zhangsan01","name":"Zhang San","orgCode":"10001","position":"Engineer","employeeCode":"E0001","employeeType":1,"role":"admin","enable":"true","mobile":"","email":"","workPlace":"Nanjing","entryDate":"2022-11-9"}]}""";

    public const string SingleOrgSync =
        """{"instanceId":"61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7","tenantId":"68cbc86abc0123456789880d92f36422fa0e","orgCode":"10000","orgName":"R&D","parentCode":"","flag":1,"testFlag":0,"timeStamp":"20240315151130456"}""";

    public const string AllOrgSyncV1 =
        """{"instanceId":"61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7","tenantId":"68cbc86abc0123456789880d92f36422fa0e","orgInfo":"[{\"orgCode\":\"00000001\",\"name\":\"Product\",\"parentCode\":\"265789314\"},{\"orgCode\":\"00000002\",\"name\":\"QA\",\"parentCode\":\"265789314\"}]","testFlag":0,"timeStamp":"20240315151130456"}""";

    public const string AllOrgSyncV2 =
        """{"instanceId":"61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7","orgInfoList":[{"orgCode":"00000001","orgName":"Product","parentCode":"265789314"},{"orgCode":"00000002","orgName":"QA","parentCode":"265789314"}],"tenantId":"68cbc86abc0123456789880d92f36422fa0e","testFlag":0,"timeStamp":"20240315151130456"}""";

    /// <summary>The body's root object, read the way the gateway reads it.</summary>
    public static JsonElement Root(string json)
    {
        Assert.True(V2Body.TryRead(Encoding.UTF8.GetBytes(json), out var root, out var error), error);
        return root;
    }

    /// <summary>The body with one top-level property replaced by the given raw JSON value.</summary>
    public static string With(string json, string name, string rawValue)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node[name] = System.Text.Json.Nodes.JsonNode.Parse(rawValue);
        return node.ToJsonString();
    }

    /// <summary>The body without one top-level property.</summary>
    public static string Without(string json, string name)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove(name);
        return node.ToJsonString();
    }
}
