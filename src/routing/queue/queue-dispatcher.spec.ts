import type { DataSource } from 'typeorm';
import { ManualClock } from '../../platform/common/clock/clock';
import type { AppConfig } from '../../platform/config/app-config';
import type { EventsBus, StreamEvent } from '../../platform/events/events-bus';
import type { EventsService } from '../../platform/events/events.service';
import type { RoutingService } from '../reservations/routing.service';
import type { CallbackExpiry } from './callbacks/callback-expiry';
import { QueueDispatcher } from './queue-dispatcher';

/** A dispatcher whose database answers nothing: only who starts a pass is observed. */
function dispatcher(config: Partial<AppConfig>) {
  const handlers: Array<(e: StreamEvent) => void> = [];
  const bus = {
    subscribe: (h: (e: StreamEvent) => void) => {
      handlers.push(h);
      return () => undefined;
    },
  } as unknown as EventsBus;
  const d = new QueueDispatcher(
    {} as DataSource,
    new ManualClock(),
    {} as RoutingService,
    {} as EventsService,
    bus,
    {} as CallbackExpiry,
    { jobsEnabled: false, ...config } as AppConfig,
  );
  const passes = jest.spyOn(d, 'dispatch').mockResolvedValue(0);
  const freed = (): StreamEvent => ({
    seq: '1',
    type: 'agent.freed',
    teamId: null,
    agentId: null,
    audience: ['router'],
    payload: {},
    at: new Date(0).toISOString(),
  });
  return { d, passes, emit: () => handlers.forEach((h) => h(freed())), handlers };
}

describe('QueueDispatcher: who starts a pass', () => {
  it('runs a pass when an agent frees up or a call asks for one (the service on its own)', async () => {
    const { d, passes, emit } = dispatcher({});
    d.onModuleInit();
    emit();
    await d.idle();
    expect(passes).toHaveBeenCalledTimes(1);
    d.kick();
    await d.idle();
    expect(passes).toHaveBeenCalledTimes(2);
    await d.onModuleDestroy();
  });

  it('with queuePassesByCaller, runs none by itself: events and kicks start nothing', async () => {
    const { d, passes, emit, handlers } = dispatcher({ queuePassesByCaller: true });
    d.onModuleInit();
    expect(handlers).toHaveLength(0);
    emit();
    d.kick();
    d.arm();
    await d.idle();
    expect(passes).not.toHaveBeenCalled();
    await d.onModuleDestroy();
  });
});
