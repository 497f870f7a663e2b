import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { badRequest, notFound } from '../../platform/common/errors/domain-error';
import { registerConstraintCode } from '../../platform/common/errors/constraint-codes';
import { RoutingTag, TagKind } from './routing-tag.entity';
import { normaliseTag } from './tag-format';

registerConstraintCode('pk_routing_tags', 'DUPLICATE_TAG', 'This tag is already in the catalog');

@Injectable()
export class RoutingTagsService {
  /** Bumped when this process adds a tag, so caches of the catalog here can drop at once. */
  version = 0;

  constructor(@InjectRepository(RoutingTag) private readonly tags: Repository<RoutingTag>) {}

  list(): Promise<RoutingTag[]> {
    return this.tags.find({ order: { kind: 'ASC', tag: 'ASC' } });
  }

  async create(input: { tag: string; kind: TagKind; label: string }): Promise<RoutingTag> {
    const tag = normaliseTag(input.kind, input.tag);
    if (!tag) {
      throw badRequest('VALIDATION_FAILED', `"${input.tag}" is not a valid ${input.kind} tag`, {
        fields: [
          {
            field: 'tag',
            messages: [
              input.kind === 'dialect'
                ? 'must be a BCP 47 language tag such as cmn-x-wuhan'
                : 'must be a lowercase slug such as elder-care',
            ],
          },
        ],
      });
    }
    await this.tags.insert({ tag, kind: input.kind, label: input.label });
    this.version++;
    return (await this.tags.findOneBy({ tag }))!;
  }

  /** Relabels a tag, or retires it (or brings it back); the tag itself never changes. */
  async update(tag: string, changes: { label?: string; retired?: boolean }): Promise<RoutingTag> {
    const current = await this.tags.findOneBy({ tag });
    if (!current) throw notFound('Routing tag', { tag });
    const patch: Partial<RoutingTag> = {};
    if (changes.label !== undefined) patch.label = changes.label;
    if (changes.retired !== undefined && changes.retired !== (current.retiredAt !== null))
      patch.retiredAt = changes.retired ? new Date() : null;
    if (Object.keys(patch).length) {
      await this.tags.update({ tag }, patch);
      this.version++;
    }
    return (await this.tags.findOneBy({ tag }))!;
  }

  /**
   * Checks that every tag is in the catalog with the expected kind (400 UNKNOWN_TAG) and not retired
   * (400 RETIRED_TAG) unless `held` already (the agent keeps a tag retired after it was given).
   * Returns the catalog spelling of each tag (lookups are case-insensitive for dialects).
   */
  async requireKnown(kind: TagKind, tags: string[], held: string[] = []): Promise<string[]> {
    if (tags.length === 0) return [];
    const canonical = tags.map((t) => normaliseTag(kind, t) ?? t);
    const found = await this.tags.find({ where: { tag: In(canonical) } });
    const byTag = new Map(found.map((t) => [t.tag, t]));
    const unknown = canonical.filter((t) => byTag.get(t)?.kind !== kind);
    if (unknown.length) {
      throw badRequest('UNKNOWN_TAG', `Not a known ${kind}: ${unknown.join(', ')}`, {
        kind,
        tags: unknown,
      });
    }
    const retired = canonical.filter((t) => byTag.get(t)?.retiredAt && !held.includes(t));
    if (retired.length) {
      throw badRequest('RETIRED_TAG', `No longer given to anyone: ${retired.join(', ')}`, {
        kind,
        tags: retired,
      });
    }
    return canonical;
  }
}
