import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Clock } from '../platform/common/clock/clock';
import { badRequest, notFound } from '../platform/common/errors/domain-error';
import { Page, pageOf } from '../platform/common/pagination/page-query.dto';
import { RoutingTagsService } from '../people/routing-tags/routing-tags.service';
import { normaliseTag } from '../people/routing-tags/tag-format';
import { UsersService } from '../platform/users/users.service';
import { Counselor } from './counselor.entity';
import {
  AvailabilityDto,
  CounselorDto,
  CreateCounselorDto,
  ListCounselorsQueryDto,
  SlotsDto,
  SlotsQueryDto,
} from './dto/counselor.dto';
import { BusyBooking, generateSlots, SlotPolicy } from './slots';

const DAY = 86_400_000;

export function toCounselorDto(c: Counselor): CounselorDto {
  return {
    id: c.id,
    userId: c.userId,
    displayName: c.displayName,
    timeZone: c.timeZone,
    languages: c.languages,
    sessionMinutes: c.sessionMinutes,
    bufferMinutes: c.bufferMinutes,
    minimumNoticeMinutes: c.minimumNoticeMinutes,
    bookingWindowDays: c.bookingWindowDays,
    dailyMaximum: c.dailyMaximum,
    weekly: c.weekly,
    overrides: c.overrides,
  };
}

export function policyOf(c: Counselor): SlotPolicy {
  return {
    timeZone: c.timeZone,
    weekly: c.weekly,
    overrides: c.overrides,
    sessionMinutes: c.sessionMinutes,
    bufferMinutes: c.bufferMinutes,
    minimumNoticeMinutes: c.minimumNoticeMinutes,
    bookingWindowDays: c.bookingWindowDays,
    dailyMaximum: c.dailyMaximum,
  };
}

const invalid = (field: string, message: string) =>
  badRequest('VALIDATION_FAILED', `${field} ${message}`, {
    fields: [{ field, messages: [message] }],
  });

/** Counsellor profiles, their availability, and the free slots derived from it. */
@Injectable()
export class CounselorsService {
  constructor(
    @InjectRepository(Counselor) private readonly counselors: Repository<Counselor>,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly routingTags: RoutingTagsService,
    private readonly clock: Clock,
  ) {}

  /** Creates the login (role counselor) and the profile in one transaction. */
  async create(input: CreateCounselorDto, by: string): Promise<CounselorDto> {
    const languages = await this.routingTags.requireKnown('dialect', input.languages ?? []);
    const counselor = await this.dataSource.transaction(async (m) => {
      const user = await this.users.create(
        {
          email: input.email,
          password: input.password,
          displayName: input.displayName,
          roles: ['counselor'],
        },
        by,
        m,
      );
      const repo = m.getRepository(Counselor);
      return repo.save(
        repo.create({
          userId: user.id,
          displayName: input.displayName,
          timeZone: input.timeZone,
          languages,
        }),
      );
    });
    return toCounselorDto(await this.require(counselor.id));
  }

  /** Active counsellors, optionally those speaking one dialect/language. */
  async list(query: ListCounselorsQueryDto): Promise<Page<CounselorDto>> {
    const qb = this.counselors
      .createQueryBuilder('c')
      .where('c.active')
      .orderBy('c.display_name')
      .addOrderBy('c.id')
      .skip(query.skip)
      .take(query.pageSize);
    if (query.language) {
      const tag = normaliseTag('dialect', query.language) ?? query.language;
      qb.andWhere(':tag = ANY(c.languages)', { tag });
    }
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items.map(toCounselorDto), total, query);
  }

  async get(id: string): Promise<CounselorDto> {
    return toCounselorDto(await this.require(id));
  }

  async require(id: string, manager?: EntityManager): Promise<Counselor> {
    const repo = manager ? manager.getRepository(Counselor) : this.counselors;
    const c = await repo.findOne({ where: { id, active: true } });
    if (!c) throw notFound('Counselor');
    return c;
  }

  activeCounselors(): Promise<Counselor[]> {
    return this.counselors.find({ where: { active: true }, order: { id: 'ASC' } });
  }

  /** Replaces the weekly hours (and overrides when given). */
  async setAvailability(id: string, input: AvailabilityDto): Promise<CounselorDto> {
    // That counsellor or an admin: the authorisation policy's.
    await this.require(id);
    input.weekly.forEach((r, i) => {
      if (r.end <= r.start) throw invalid(`weekly[${i}].end`, 'must be after start');
    });
    (input.overrides ?? []).forEach((o, i) => {
      if ((o.start === undefined) !== (o.end === undefined))
        throw invalid(`overrides[${i}]`, 'needs both start and end');
      if (o.start && o.end && o.end <= o.start)
        throw invalid(`overrides[${i}].end`, 'must be after start');
      if (!o.off && !o.start) throw invalid(`overrides[${i}]`, 'needs off or start/end');
    });
    const patch: Partial<Counselor> = {
      weekly: input.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })),
    };
    if (input.overrides !== undefined)
      patch.overrides = input.overrides.map((o) => ({
        date: o.date,
        ...(o.off ? { off: true } : {}),
        ...(o.start ? { start: o.start, end: o.end } : {}),
      }));
    if (input.bufferMinutes !== undefined) patch.bufferMinutes = input.bufferMinutes;
    if (input.minimumNoticeMinutes !== undefined)
      patch.minimumNoticeMinutes = input.minimumNoticeMinutes;
    if (input.sessionMinutes !== undefined)
      patch.sessionMinutes = [...input.sessionMinutes].sort((a, b) => a - b);
    if (input.bookingWindowDays !== undefined) patch.bookingWindowDays = input.bookingWindowDays;
    if (input.dailyMaximum !== undefined) patch.dailyMaximum = input.dailyMaximum;
    await this.counselors.update({ id }, patch);
    return this.get(id);
  }

  /** Free start times for one counsellor (the pure generator over its policy and live bookings). */
  async slots(id: string, query: SlotsQueryDto): Promise<SlotsDto> {
    const counselor = await this.require(id);
    const now = this.clock.now();
    const from = query.from ? new Date(query.from) : now;
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 7 * DAY);
    const minutes = query.minutes ?? counselor.sessionMinutes[0];
    if (!counselor.sessionMinutes.includes(minutes))
      throw badRequest(
        'SESSION_LENGTH_NOT_OFFERED',
        `This counsellor offers ${counselor.sessionMinutes.join(' or ')} minutes`,
        {
          sessionMinutes: counselor.sessionMinutes,
        },
      );
    const bookings = await this.liveBookings(this.dataSource.manager, id, from, to);
    const slots = generateSlots(policyOf(counselor), bookings, now, from, to, minutes);
    return {
      slots: slots.map((s) => ({
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
      })),
    };
  }

  /** Live bookings of a counsellor around [from, to) (a day either side, for buffers and daily counts). */
  async liveBookings(
    m: EntityManager,
    counselorId: string,
    from: Date,
    to: Date,
  ): Promise<BusyBooking[]> {
    return (await this.liveBookingsOf(m, [counselorId], from, to)).get(counselorId) ?? [];
  }

  /** The same for several counsellors in one read (suggested slots across counsellors). */
  async liveBookingsOf(
    m: EntityManager,
    counselorIds: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, BusyBooking[]>> {
    const rows: Array<{ counselor_id: string; starts_at: Date; ends_at: Date }> = await m.query(
      `SELECT counselor_id, starts_at, ends_at FROM counseling_bookings
        WHERE counselor_id = ANY($1::uuid[]) AND status = 'booked' AND starts_at < $3 AND ends_at > $2`,
      [counselorIds, new Date(from.getTime() - 2 * DAY), new Date(to.getTime() + 2 * DAY)],
    );
    const out = new Map<string, BusyBooking[]>();
    for (const r of rows) {
      const list = out.get(r.counselor_id) ?? [];
      list.push({ startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) });
      out.set(r.counselor_id, list);
    }
    return out;
  }

  /** Locks the counsellor row: bookings of one counsellor are decided one at a time (daily maximum). */
  async lock(m: EntityManager, id: string): Promise<Counselor> {
    const c = await m
      .getRepository(Counselor)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id AND c.active', { id })
      .getOne();
    if (!c) throw notFound('Counselor');
    return c;
  }
}
