using Npgsql;
using NpgsqlTypes;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>Array parameters, the way one statement carries a whole batch of rows (through unnest or ANY).</summary>
internal static class PostgresArrays
{
    public static NpgsqlParameter<T[]> Parameter<T>(string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | elementType) { TypedValue = values.ToArray() };
}
