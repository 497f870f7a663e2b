import { DEFAULT_OPTIONS } from './options';
import { renderReport } from './report-html';
import { summarise } from './summary';
import { figuresOverSeeds } from './summary-seeds';
import { sampleAgents, sampleLog, sampleSpans, START } from '../../test/support/simulator-sample';

describe('HTML report', () => {
  const days = [{ startMs: START, endMs: START + 3_600_000, calls: [] }];
  const agents = sampleAgents;
  const a = summarise('enforced', DEFAULT_OPTIONS, agents, days, sampleLog(), sampleSpans, 2);
  const b = summarise('<off>', DEFAULT_OPTIONS, agents, days, sampleLog(), sampleSpans, 0);
  const html = renderReport({ options: DEFAULT_OPTIONS, runs: [a, b] });

  it('is self-contained: inline SVG and CSS, no script and no network', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/i);
    expect(html.match(/<svg /g)).toHaveLength(6);
  });

  it('shows the two policies side by side, names escaped', () => {
    expect(html).toContain('enforced vs &lt;off&gt;');
    expect(html).not.toContain('<off>');
    expect(html.match(/data-chart="service-level"/g)).toHaveLength(2);
  });

  it('puts the summary figures into the charts', () => {
    const attr = (name: string) =>
      [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
    expect(attr('data-overall')).toEqual([
      a.summary.serviceLevel!.toFixed(4),
      b.summary.serviceLevel!.toFixed(4),
    ]);
    expect(attr('data-total')).toEqual(['2', '2']);
    expect(attr('data-max')).toEqual(['2', '2']);
    const hostileBars = [...html.matchAll(/class="hostile-bar"[^>]*data-value="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(hostileBars.slice(0, 3)).toEqual([2, 0, 0]);
    const offered = [
      ...html.matchAll(/class="sl-bar"[^>]*data-offered="(\d+)" data-in-time="(\d+)"/g),
    ];
    const total = offered.slice(0, 4).reduce((s, m) => s + Number(m[1]), 0);
    const inTime = offered.slice(0, 4).reduce((s, m) => s + Number(m[2]), 0);
    expect(inTime / total).toBe(a.summary.serviceLevel);
  });

  it('draws the target line with a legend, shares the hostile scale, shows the difference and the model limits', () => {
    expect(html.match(/class="sl-target"/g)).toHaveLength(2);
    expect(html).toContain('at or above the 80% target');
    const scales = [...html.matchAll(/data-scale-max="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(scales).size).toBe(1);
    const lopsided = renderReport({
      options: DEFAULT_OPTIONS,
      runs: [a, { ...b, hostilePerAgent: [9, 0, 0] }],
    });
    expect([...lopsided.matchAll(/data-scale-max="(\d+)"/g)].map((m) => m[1])).toEqual([
      '12',
      '12',
    ]);
    expect(html).toContain('<th class="diff">&lt;off&gt; − enforced</th>');
    expect(html).toContain('What the model leaves out');
    expect(html).not.toContain('Over ');
  });

  it('shows each figure over the seeds with its interval, differences that exclude zero in bold', () => {
    const page = renderReport({
      options: DEFAULT_OPTIONS,
      runs: [a, b],
      overSeeds: {
        seeds: 3,
        figures: figuresOverSeeds([
          [a.summary, { ...b.summary, serviceLevel: 0.53 }],
          [
            { ...a.summary, serviceLevel: 0.52 },
            { ...b.summary, serviceLevel: 0.54 },
          ],
          [
            { ...a.summary, serviceLevel: 0.48 },
            { ...b.summary, serviceLevel: 0.52 },
          ],
        ]),
      },
    });
    expect(page).toContain('Over 3 seeds');
    expect(page).toMatch(
      /data-figure="serviceLevel"><th scope="row">service level<\/th><td>50\.0% ± 5\.0<\/td><td>53\.0% ± 2\.5<\/td><td class="diff sure">\+3\.0 pt ± 2\.5<\/td>/,
    );
  });

  it('has no callback section without callbacks, and one table per policy with them', () => {
    expect(html).not.toContain('class="callbacks"');
    const log = {
      ...sampleLog(),
      callbacks: [
        {
          id: 'c3-cb',
          day: 0,
          dialect: 'nan',
          notBeforeMs: START,
          notAfterMs: START + 3_600_000,
          attempts: 5,
          firstAttemptMs: START + 60_000,
          reachedMs: null,
          status: 'missed' as const,
        },
      ],
    };
    const options = { ...DEFAULT_OPTIONS, callbackShare: 0.3 };
    const withCb = summarise('cb', options, agents, days, log, sampleSpans, 0);
    const page = renderReport({ options, runs: [withCb, withCb] });
    expect(page.match(/<table class="callbacks">/g)).toHaveLength(2);
    expect(page).toContain(
      'data-dialect="nan" data-scheduled="1" data-reached-share="0" data-median-first-attempt="60" data-attempts="5" data-missed="1"',
    );
    expect(page).toContain('callbacks all: scheduled / reached in window / missed');
  });

  it('shows the schedule played and the extra agents the lower policy needs, when the run had them', () => {
    expect(html).not.toContain('Schedule and extra agents');
    const planned = renderReport({
      options: DEFAULT_OPTIONS,
      runs: [a, b],
      roster: {
        staffing: {
          peakAgents: 50,
          peakRawAgents: 38,
          shrinkage: { base: 0, wellbeing: 0.214, total: 0.214 },
          requiredAgentHours: 91,
        },
        shifts: 40,
        paidAgentHours: 80,
        agentsWithShifts: 40,
        window: { from: '09:00', to: '11:00' },
        built: true,
      },
      extraAgents: {
        policy: 'enforced',
        reference: '<off>',
        referenceServiceLevel: 0.797,
        serviceLevelWithout: 0.621,
        tolerancePoints: 1,
        extraAgents: 7,
        maxExtraAgents: 20,
        serviceLevel: 0.79,
        agentHours: 14,
        trials: [
          { extraAgents: 0, serviceLevel: 0.621 },
          { extraAgents: 20, serviceLevel: 0.85 },
          { extraAgents: 7, serviceLevel: 0.79 },
        ],
      },
    });
    expect(planned).toContain('data-extra-agents="7" data-agent-hours="14"');
    expect(planned).toContain('40 shifts for 40 agents, 80.0 paid agent-hours');
    expect(planned).toContain('extra agents for enforced to hold &lt;off&gt;');
    expect(planned).toContain('+20 → 85.0%');
  });
});
