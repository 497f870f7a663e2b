import { Chip, Group, Text } from '@mantine/core';
import { useDialectName } from '../../lib/i18n/tag-names';

/** Dialects to tick, named in the page's language, under a label (and an optional hint). */
export function DialectChips({
  id,
  label,
  hint,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  options: readonly string[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const dialectName = useDialectName();
  if (options.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={500} mb={hint ? 0 : 4} id={id}>
        {label}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mb={4}>
          {hint}
        </Text>
      )}
      <Chip.Group multiple value={value} onChange={onChange}>
        <Group gap={6} role="group" aria-labelledby={id}>
          {options.map((d) => (
            <Chip key={d} value={d} size="xs">
              {dialectName(d)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </div>
  );
}
