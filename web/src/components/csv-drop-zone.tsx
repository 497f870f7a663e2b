import { Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, type ReactNode, useState } from 'react';

/**
 * A dashed area a CSV file can be dropped on, with a file input for those who prefer to choose one.
 * Calls `onFile` with the file either way; what the file means is the caller's business.
 */
export function CsvDropZone({
  testId,
  prompt,
  hint,
  chooseLabel,
  onFile,
}: {
  testId: string;
  prompt: ReactNode;
  hint?: ReactNode;
  chooseLabel: ReactNode;
  onFile: (file: File) => void;
}) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <Paper
      withBorder
      p="lg"
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Stack gap={4} align="center">
        <Text>{prompt}</Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
        <label>
          <Text span size="sm" mr="xs">
            {chooseLabel}
          </Text>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) onFile(file);
            }}
          />
        </label>
      </Stack>
    </Paper>
  );
}
