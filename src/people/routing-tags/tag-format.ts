import type { TagKind } from './routing-tag.entity';

// BCP 47: language, optional extlang/script/region/variants, optional private use (`-x-wuhan`).
const LANGUAGE_TAG =
  /^[a-z]{2,3}(-[a-z]{3}){0,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*(-x(-[a-z\d]{1,8})+)?$/i;
const SKILL_SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Canonical BCP 47 casing: language lower, script Title, region UPPER, the rest lower. */
export function canonicalLanguageTag(tag: string): string {
  const parts = tag.split('-');
  let privateUse = false;
  return parts
    .map((p, i) => {
      if (p.toLowerCase() === 'x') privateUse = true;
      if (i === 0 || privateUse) return p.toLowerCase();
      if (p.length === 4 && /^[a-z]+$/i.test(p))
        return p[0].toUpperCase() + p.slice(1).toLowerCase();
      if (p.length === 2 && /^[a-z]+$/i.test(p)) return p.toUpperCase();
      return p.toLowerCase();
    })
    .join('-');
}

/**
 * Checks a catalog tag and returns its canonical form, or null if malformed.
 * Dialects are BCP 47 language tags; skills are lowercase slugs.
 */
export function normaliseTag(kind: TagKind, tag: string): string | null {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > 40) return null;
  if (kind === 'dialect') return LANGUAGE_TAG.test(tag) ? canonicalLanguageTag(tag) : null;
  return SKILL_SLUG.test(tag) ? tag : null;
}
