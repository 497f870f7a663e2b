import { bearer, TestApp } from './test-app';

/** The schedule once its background solve has finished (draft or failed). */
export async function waitForSchedule(t: TestApp, token: string, id: string) {
  // Polling with a real delay only waits for the background solver, never for domain time.
  for (let i = 0; i < 3000; i++) {
    const res = await t.http().get(`/v1/schedules/${id}`).set(bearer(token)).expect(200);
    if (res.body.status !== 'solving') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('schedule did not finish');
}
