import { api, data } from './client';
import type { RequestBody, Schema } from './schemas';

export type WrapUpBody = RequestBody<'/api/v1/calls/{callId}/wrap-up', 'post'>;
export type CallOutcome = WrapUpBody['outcome'];
export type ServiceLevelFigures = Schema<'ServiceLevelFigures'>;

/** Telephony through the gateway: live calls, the 115 figures, the wrap-up after a call. */
export const calls = {
  live: () => data(api.GET('/api/v1/calls', { params: { query: { state: 'live' } } })),
  serviceLevel: (period: { from: string; to: string }, granularity: 'interval' | 'total') =>
    data(api.GET('/api/v1/figures/service-level', { params: { query: { ...period, granularity } } })),
  wrapUp: (callId: string, body: WrapUpBody) => data(api.POST('/api/v1/calls/{callId}/wrap-up', { params: { path: { callId } }, body })),
};
