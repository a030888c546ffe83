using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Provisioning.Infrastructure.Hosting;

/// <summary>
/// How soon the cluster declares dead a silo that stopped without leaving (killed, crashed, host lost), so that its grains
/// activate elsewhere: <see cref="ClusterMembershipOptions"/> from <c>Orleans:Membership</c>, with defaults tuned for a
/// killed silo's grains to answer again within about 1.5–3 s instead of Orleans' 5–10 s (README, configuration).
/// </summary>
public static class FailureDetection
{
    public const string SectionName = "Orleans:Membership";

    public static ISiloBuilder AddFailureDetection(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(Tuned)
            .Bind(configuration.GetSection(SectionName))
            .Validate(o => o.ProbeTimeout > TimeSpan.Zero, $"{SectionName}:ProbeTimeout must be positive.")
            .Validate(o => o.NumMissedProbesLimit >= 1, $"{SectionName}:NumMissedProbesLimit must be at least 1.")
            .Validate(
                o => o.NumVotesForDeathDeclaration >= 1 && o.NumVotesForDeathDeclaration <= o.NumProbedSilos,
                $"{SectionName}:NumVotesForDeathDeclaration must be between 1 and NumProbedSilos.")
            .Validate(o => o.TableRefreshTimeout > TimeSpan.Zero, $"{SectionName}:TableRefreshTimeout must be positive.")
            .Validate(o => o.IAmAliveTablePublishTimeout > TimeSpan.Zero, $"{SectionName}:IAmAliveTablePublishTimeout must be positive.")
            // A suspicion voted at the first missed probe must still count when the last one is voted, even at the longest
            // probe period that the adaptive timeout may reach.
            .Validate(
                o => o.DeathVoteExpirationTimeout > o.MaxProbeTimeout * o.NumMissedProbesLimit,
                $"{SectionName}:DeathVoteExpirationTimeout must exceed NumMissedProbesLimit × MaxProbeTimeout (4 × ProbeTimeout unless set).")
            .ValidateOnStart();
        return silo;
    }

    // A silo probes each other silo every ProbeTimeout while it has seen fewer than four answers from it, then every
    // ProbeTimeout / 2 (the adaptive timeout's floor) on a healthy network; three missed probes in a row declare the silo
    // dead: 1–1.5 s after a kill, at most 3 s for a silo killed right after joining. Silos re-read the table every 10 s
    // in case they missed the gossip of a death.
    private static void Tuned(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 3;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
    }
}
