import { CircuitBreaker } from '../circuit-breaker';
import { ZmsUnavailable, zmsErrorCodes, zmsFailure } from './zms-errors';

export interface ZmsClientOptions {
  timeoutMs: number;
  /** Extra attempts of a GET that failed for the system's reasons; POSTs are never repeated (a reservation might exist). */
  retries: number;
  breaker: CircuitBreaker;
}

/** What the ZMS answers for a process (ThinnedProcess): the fields we use. */
export interface ZmsProcess {
  processId: number;
  authKey: string;
  /** Unix seconds, as a string or number. */
  timestamp: string | number;
  status?: string;
  icsContent?: string;
}

export interface ZmsCalendar {
  availableDays: unknown[];
}

export interface ZmsProcessKey {
  processId: number;
  authKey: string;
}

/**
 * The ZMS citizen API (eappointment `zmscitizenapi`) over HTTP/JSON: a
 * deadline on every call, retries only for reads, the breaker around all.
 * Never hangs: a call ends by `timeoutMs` (times the attempts for a GET).
 */
export class ZmsClient {
  constructor(
    private readonly baseUrl: string,
    private readonly options: ZmsClientOptions,
  ) {}

  availableCalendar(query: { startDate: string; endDate: string; officeIds: number[]; serviceIds: number[]; serviceCounts: number[] }): Promise<ZmsCalendar> {
    const params = new URLSearchParams({
      startDate: query.startDate,
      endDate: query.endDate,
      slotsStartDate: query.startDate,
      slotsEndDate: query.endDate,
      officeIds: query.officeIds.join(','),
      serviceId: String(query.serviceIds[0]),
      serviceIds: query.serviceIds.join(','),
      serviceCounts: query.serviceCounts.join(','),
    });
    return this.get<ZmsCalendar>(`/available-calendar/?${params}`, 'available-calendar', (status, body) =>
      status === 404 && zmsErrorCodes(body).includes('noAppointmentForThisDay') ? { availableDays: [] } : undefined,
    );
  }

  reserve(body: { officeId: number; serviceId: number[]; serviceCount: number[]; timestamp: number }): Promise<ZmsProcess> {
    return this.post('/reserve-appointment/', body, 'reserve-appointment');
  }

  update(body: ZmsProcessKey & { familyName?: string; email?: string; telephone?: string }): Promise<ZmsProcess> {
    return this.post('/update-appointment/', body, 'update-appointment');
  }

  preconfirm(key: ZmsProcessKey): Promise<ZmsProcess> {
    return this.post('/preconfirm-appointment/', key, 'preconfirm-appointment');
  }

  confirm(key: ZmsProcessKey): Promise<ZmsProcess> {
    return this.post('/confirm-appointment/', key, 'confirm-appointment');
  }

  cancel(key: ZmsProcessKey): Promise<ZmsProcess> {
    return this.post('/cancel-appointment/', key, 'cancel-appointment');
  }

  appointment(key: ZmsProcessKey): Promise<ZmsProcess> {
    return this.get(`/appointment/?${new URLSearchParams({ processId: String(key.processId), authKey: key.authKey })}`, 'appointment');
  }

  private async get<T>(path: string, what: string, accept?: (status: number, body: unknown) => T | undefined): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.call<T>('GET', path, undefined, what, accept);
      } catch (error) {
        if (!(error instanceof ZmsUnavailable) || attempt >= this.options.retries || this.options.breaker.state !== 'closed') throw error;
      }
    }
  }

  private post<T>(path: string, body: unknown, what: string): Promise<T> {
    return this.call<T>('POST', path, body, what);
  }

  private call<T>(method: 'GET' | 'POST', path: string, body: unknown, what: string, accept?: (status: number, body: unknown) => T | undefined): Promise<T> {
    return this.options.breaker.run(
      async () => {
        let response: Response;
        try {
          response = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
            method,
            headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(this.options.timeoutMs),
          });
        } catch (error) {
          const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : (error as Error).message;
          throw new ZmsUnavailable(`ZMS ${what}: ${reason}`);
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(await response.text());
        } catch (error) {
          if ((error as Error).name === 'TimeoutError') throw new ZmsUnavailable(`ZMS ${what}: no answer within ${this.options.timeoutMs} ms`);
          throw response.ok ? new ZmsUnavailable(`ZMS ${what}: answer is not JSON`) : zmsFailure(response.status, undefined, what);
        }
        if (response.ok) return parsed as T;
        const accepted = accept?.(response.status, parsed);
        if (accepted !== undefined) return accepted;
        throw zmsFailure(response.status, parsed, what);
      },
      (error) => error instanceof ZmsUnavailable,
    );
  }
}
