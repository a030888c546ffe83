namespace Provisioning.Grains.Tenants;

/// <summary>
/// Port: where a tenant's users and departments are kept, row by row, so a sync costs what it changes and not what the
/// tenant already holds. Every call is all-or-nothing. Tenants are named by <see cref="TenantAddress.Key"/>.
/// </summary>
public interface ITenantDirectory
{
    /// <summary>Applies one user batch; a user whose stored sync time is newer than the batch's keeps its data.</summary>
    Task ApplyUsersAsync(string tenant, UserSync sync, CancellationToken cancellationToken);

    Task UpsertDepartmentAsync(string tenant, Department department, CancellationToken cancellationToken);

    Task DeleteDepartmentAsync(string tenant, string orgCode, CancellationToken cancellationToken);

    Task ReplaceDepartmentsAsync(string tenant, IReadOnlyList<Department> departments, CancellationToken cancellationToken);

    Task<IReadOnlyList<TenantUser>> GetUsersAsync(string tenant, int offset, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<Department>> GetDepartmentsAsync(string tenant, CancellationToken cancellationToken);
}
