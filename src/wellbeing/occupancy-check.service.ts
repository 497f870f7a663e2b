import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/common/clock/clock';
import { withAdvisoryLock } from '../platform/database/advisory-lock';
import { TeamsService } from '../people/teams/teams.service';
import { LoadService } from '../routing/calls/load.service';
import { PresenceService } from '../routing/presence/presence.service';
import { AlertsService } from './alerts.service';
import { WellbeingPoliciesService } from './wellbeing-policies.service';

const MIN = 60_000;

/** The occupancy job: alerts supervisors about agents kept above the team's occupancy cap. */
@Injectable()
export class OccupancyCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly presence: PresenceService,
    private readonly load: LoadService,
    private readonly teams: TeamsService,
    private readonly policies: WellbeingPoliciesService,
    private readonly alerts: AlertsService,
  ) {}

  /**
   * Sweep step: alerts a team's supervisors when an agent's occupancy stayed above the team's cap for
   * the policy's window. One open (unacknowledged) alert per agent at a time. One replica at a time.
   */
  async checkOccupancy(now: Date = this.clock.now()): Promise<number> {
    const created = await withAdvisoryLock(this.dataSource, 'wellbeing-occupancy', async (m) => {
      const agents = (await this.presence.loggedIn(null, m)).filter((a) => a.teamId);
      const byTeam = new Map<string, string[]>();
      for (const a of agents) byTeam.set(a.teamId!, [...(byTeam.get(a.teamId!) ?? []), a.agentId]);
      let count = 0;
      for (const [teamId, ids] of byTeam) {
        const policy = await this.policies.effective(teamId, m);
        const cap = (await this.teams.settingsFor(teamId)).occupancyCap;
        const window = policy.occupancyAlertMinutes;
        const loads = await this.load.loadFor(ids, window);
        for (const [agentId, l] of loads) {
          // Above the cap over the whole window, staffed for (nearly) all of it.
          if (l.occupancy <= cap || l.staffedSeconds < window * 60 * 0.9) continue;
          const raised = await this.alerts.raiseOccupancy(
            m,
            teamId,
            agentId,
            String(Math.floor(now.getTime() / (window * MIN))),
            { occupancy: l.occupancy, cap, windowMinutes: window },
            now,
          );
          if (raised) count += 1;
        }
      }
      return count;
    });
    return created ?? 0;
  }
}
