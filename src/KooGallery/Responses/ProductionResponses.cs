namespace Provisioning.KooGallery.Responses;

/// <summary>The answer every production-interface call gets: a result code and a readable message.</summary>
public sealed record ResultResponse(string ResultCode, string ResultMsg);

/// <summary>The V1 <c>newInstance</c> answer (spec §1.1).</summary>
public sealed record NewInstanceResponse(string ResultCode, string ResultMsg, string? EncryptType, string? InstanceId, AppInfo? AppInfo);

/// <summary>The V2 <c>newInstance</c> answer (spec §2.1): no appInfo, which V2 returns from queryInstance instead.</summary>
public sealed record V2NewInstanceResponse(string ResultCode, string ResultMsg, string? InstanceId);

/// <summary>The <c>queryInstance</c> answer (spec §1.7, §2.2).</summary>
public sealed record QueryInstanceResponse(string ResultCode, string ResultMsg, string? EncryptType, IReadOnlyList<InstanceInfo>? Info);

/// <summary>One known instance in a <c>queryInstance</c> answer.</summary>
public sealed record InstanceInfo(string InstanceId, AppInfo? AppInfo, IReadOnlyList<UsageInfo>? UsageInfo);

/// <summary>Usage of a pay-per-use instance as the marketplace reads it back (spec §1.7).</summary>
public sealed record UsageInfo(string? RelatedInstanceId, double UsageValue, string StatisticalTime, string? DashboardUrl);
