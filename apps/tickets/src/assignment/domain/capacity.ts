import type { TicketChannel } from '@d115/contracts';
import type { ChannelCounts } from '../../agents/entities/agent.entity';

/** Channels in which the agent can take one more case. */
export function channelsWithRoom(capacity: ChannelCounts, load: ChannelCounts): TicketChannel[] {
  return (Object.entries(capacity) as [TicketChannel, number][]).filter(([channel, max]) => (load[channel] ?? 0) < max).map(([channel]) => channel);
}

/** Cases the agent can still take over all channels. */
export function roomLeft(capacity: ChannelCounts, load: ChannelCounts): number {
  return (Object.entries(capacity) as [TicketChannel, number][]).reduce((sum, [channel, max]) => sum + Math.max(0, max - (load[channel] ?? 0)), 0);
}
