using Provisioning.Grains.Events;

namespace Provisioning.Grains.Tenants;

/// <summary>
/// Port: where a tenant's users and departments are kept, row by row, so a sync costs what it changes and not what the
/// tenant already holds. Every call is all-or-nothing. Tenants are named by <see cref="TenantAddress.Key"/>.
/// A write given an event (<c>recordIfChanged</c>) records it in the outbox, in the same transaction, when it changed
/// anything the directory shows, and not otherwise: a retried sync changes nothing and so records nothing.
/// </summary>
public interface ITenantDirectory
{
    /// <summary>Applies one user batch; a user whose stored sync time is newer than the batch's keeps its data.</summary>
    Task ApplyUsersAsync(string tenant, UserSync sync, SellerEvent? recordIfChanged, CancellationToken cancellationToken);

    Task UpsertDepartmentAsync(string tenant, Department department, SellerEvent? recordIfChanged, CancellationToken cancellationToken);

    Task DeleteDepartmentAsync(string tenant, string orgCode, SellerEvent? recordIfChanged, CancellationToken cancellationToken);

    Task ReplaceDepartmentsAsync(string tenant, IReadOnlyList<Department> departments, SellerEvent? recordIfChanged, CancellationToken cancellationToken);

    Task<IReadOnlyList<TenantUser>> GetUsersAsync(string tenant, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>One user of one app, authorized or not; null when never synced or deleted.</summary>
    Task<TenantUser?> GetUserAsync(string tenant, string appId, string userName, CancellationToken cancellationToken);

    Task<IReadOnlyList<Department>> GetDepartmentsAsync(string tenant, CancellationToken cancellationToken);
}
