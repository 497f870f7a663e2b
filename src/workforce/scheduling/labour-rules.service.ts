import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { badRequest } from '../../platform/common/errors/domain-error';
import { SitesService } from '../../people/sites/sites.service';
import type { LabourRulesDto } from './dto/planning.dto';
import { DEFAULT_LABOUR_RULES, LabourRules, withDefaults } from './labour-rules';
import { SiteLabourRules } from './site-labour-rules.entity';

@Injectable()
export class LabourRulesService {
  constructor(
    @InjectRepository(SiteLabourRules) private readonly rows: Repository<SiteLabourRules>,
    private readonly sites: SitesService,
  ) {}

  async get(siteId: string): Promise<LabourRules> {
    await this.sites.get(siteId);
    const row = await this.rows.findOne({ where: { siteId } });
    return withDefaults(row?.rules);
  }

  /** Replaces the site's settings: given ones are stored, omitted ones fall back to the defaults. */
  async put(siteId: string, input: LabourRulesDto): Promise<LabourRules> {
    await this.sites.get(siteId);
    const overrides: Partial<LabourRules> = {};
    for (const key of Object.keys(DEFAULT_LABOUR_RULES) as Array<keyof LabourRules>)
      if (input[key] !== undefined) overrides[key] = input[key];
    const merged = withDefaults(overrides);
    const bad: Array<{ field: string; messages: string[] }> = [];
    if (merged.minShiftMinutes > merged.maxShiftMinutes)
      bad.push({ field: 'minShiftMinutes', messages: ['must not exceed maxShiftMinutes'] });
    if (merged.mealBreakMinMinutes > merged.mealBreakMaxMinutes)
      bad.push({ field: 'mealBreakMinMinutes', messages: ['must not exceed mealBreakMaxMinutes'] });
    if (merged.mealBreakEarliestStartMinutes > merged.mealBreakLatestStartMinutes)
      bad.push({
        field: 'mealBreakEarliestStartMinutes',
        messages: ['must not exceed mealBreakLatestStartMinutes'],
      });
    if (bad.length)
      throw badRequest('VALIDATION_FAILED', 'Inconsistent labour rules', { fields: bad });
    await this.rows.upsert({ siteId, rules: overrides }, ['siteId']);
    return merged;
  }
}
