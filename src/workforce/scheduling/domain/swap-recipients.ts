/** The agents a swap involves: who offered it, who took it, and the colleague asked in a trade. */
export interface SwapParties {
  offeredBy: string;
  acceptedBy: string | null;
  counterAgentId: string | null;
}

/**
 * Who hears that a swap was decided: every agent it involves, once each, except the agent who made
 * the decision (they already know). A scheduler's decision reaches all of them.
 */
export function swapRecipients(swap: SwapParties, actorAgentId: string | null): string[] {
  const parties = [swap.offeredBy, swap.acceptedBy, swap.counterAgentId].filter(
    (id): id is string => id !== null && id !== actorAgentId,
  );
  return [...new Set(parties)];
}
