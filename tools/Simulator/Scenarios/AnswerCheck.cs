using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>One requirement on an answer: the reason it is not met, or null when it is.</summary>
public delegate string? AnswerCheck(MarketplaceAnswer answer);
