import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, type ReactNode, useRef, useState } from 'react';

/**
 * A dashed area a CSV file can be dropped on, with a button for those who prefer to choose one.
 * Calls `onFile` with the file either way; what the file means is the caller's business. The button
 * is the app's own, in the page's language (a bare file input spoke the browser's: "Choose File").
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
  chooseLabel: string;
  onFile: (file: File) => void;
}) {
  const [dragging, setDragging] = useState(false);
  // Cleared after each choice, so choosing the same file again (after fixing it) reads it again.
  const reset = useRef<() => void>(null);
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
        <FileButton
          accept=".csv,text/csv"
          resetRef={reset}
          inputProps={{ 'aria-label': chooseLabel }}
          onChange={(file) => {
            if (file) onFile(file);
            reset.current?.();
          }}
        >
          {(props) => (
            <Button {...props} variant="light" size="sm" mt="xs">
              {chooseLabel}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
