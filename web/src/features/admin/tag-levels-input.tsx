import { ActionIcon, Button, Group, Input, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CatalogueTag,
  choicesFor,
  TagProficiency,
  tagLabel,
  tagWithCode,
  withNextTag,
} from './tag-list';

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * An agent's dialects or skills, one row each: the tag picked from the catalogue by its name, and
 * its level 1-5 in words. It replaced a box of `cmn:5;cmn-x-wuhan:4` notation (the CSV import's),
 * which asked admins to know the codes.
 */
export function TagLevelsInput({
  kind,
  value,
  onChange,
  catalogue,
}: {
  kind: 'dialect' | 'skill';
  value: TagProficiency[];
  onChange: (next: TagProficiency[]) => void;
  catalogue: CatalogueTag[];
}) {
  const { t } = useTranslation('admin');
  const title = kind === 'dialect' ? t('people.dialects') : t('people.skills');
  const full = withNextTag(value, catalogue).length === value.length;
  const set = (index: number, row: TagProficiency) =>
    onChange(value.map((old, i) => (i === index ? row : old)));
  return (
    <Input.Wrapper label={title} description={t(`people.levelsHelp.${kind}`)}>
      <Stack gap={6} mt={6} data-testid={`${kind}-levels`}>
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(`people.noTags.${kind}`)}
          </Text>
        )}
        {value.map((row, i) => {
          const name = tagLabel(row.tag, catalogue);
          return (
            <Group key={i} gap="xs" wrap="nowrap">
              <NativeSelect
                aria-label={t(`people.tagRow.${kind}`, { n: i + 1 })}
                value={row.tag}
                onChange={(e) => set(i, { ...row, tag: e.currentTarget.value })}
                data={choicesFor(value, i, catalogue).map((tag) => ({
                  value: tag,
                  label: tagWithCode(tag, catalogue),
                }))}
                style={{ flex: 1 }}
              />
              <NativeSelect
                aria-label={t('people.levelOf', { name })}
                value={String(row.proficiency)}
                onChange={(e) => set(i, { ...row, proficiency: Number(e.currentTarget.value) })}
                data={LEVELS.map((n) => ({ value: String(n), label: t(`people.level.${n}`) }))}
                w={170}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('people.removeTag', { name })}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          disabled={full}
          onClick={() => onChange(withNextTag(value, catalogue))}
        >
          {t(`people.addTag.${kind}`)}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
