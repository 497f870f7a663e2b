/** A dialect or skill with a proficiency, as agents carry them. */
export interface TagProficiency {
  tag: string;
  proficiency: number;
}

/** A catalogue entry as the editor needs it. */
export interface CatalogueTag {
  tag: string;
  label: string;
  retiredAt: string | null;
}

/** The level a newly added tag starts at: the middle, so the admin sets it on purpose. */
export const NEW_TAG_LEVEL = 3;

/** "Wuhan (cmn-x-wuhan)": the label people know, the code the router sends; the code alone if unknown. */
export function tagWithCode(tag: string, catalogue: readonly CatalogueTag[]): string {
  const known = catalogue.find((c) => c.tag === tag);
  return known ? `${known.label} (${known.tag})` : tag;
}

/** The label alone, for compact lists (the code when the catalogue does not know the tag). */
export function tagLabel(tag: string, catalogue: readonly CatalogueTag[]): string {
  return catalogue.find((c) => c.tag === tag)?.label ?? tag;
}

/**
 * What row `index` may hold: its own tag, and every catalogue tag in use that no other row holds.
 * A retired tag stays on the agent who has it (the catalogue keeps it) but is never given anew.
 */
export function choicesFor(
  list: readonly TagProficiency[],
  index: number,
  catalogue: readonly CatalogueTag[],
): string[] {
  const own = list[index]?.tag;
  const taken = new Set(list.filter((_, i) => i !== index).map((t) => t.tag));
  const open = catalogue.filter((c) => !c.retiredAt && !taken.has(c.tag)).map((c) => c.tag);
  return own && !open.includes(own) ? [own, ...open] : open;
}

/** The list with the first catalogue tag nobody holds yet added at NEW_TAG_LEVEL; the same list if none is left. */
export function withNextTag(
  list: readonly TagProficiency[],
  catalogue: readonly CatalogueTag[],
): TagProficiency[] {
  const next = choicesFor(
    [...list, { tag: '', proficiency: NEW_TAG_LEVEL }],
    list.length,
    catalogue,
  )[0];
  return next ? [...list, { tag: next, proficiency: NEW_TAG_LEVEL }] : [...list];
}

/** Whether two lists carry the same tags at the same levels, in any order (nothing to save). */
export function sameTags(a: readonly TagProficiency[], b: readonly TagProficiency[]): boolean {
  const key = (l: readonly TagProficiency[]) =>
    l
      .map((t) => `${t.tag}:${t.proficiency}`)
      .sort()
      .join(';');
  return key(a) === key(b);
}
