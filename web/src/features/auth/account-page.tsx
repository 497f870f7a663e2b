import {
  Alert,
  Button,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, rawRequest } from '../../lib/api/client';
import { usePerson, useSession } from '../../lib/auth/session';
import { setLanguage, type Language } from '../../lib/i18n';

/** My account: language and password (changing it signs out every other session). */
export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const person = usePerson();
  const { signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return setMessage({ ok: false, text: t('account.mismatch') });
    try {
      await rawRequest('PUT', '/v1/me/password', { currentPassword: current, newPassword: next });
      setMessage({ ok: true, text: t('account.changed') });
      // Every token issued before the change is refused now: sign in again with the new password.
      window.setTimeout(() => void signOut('ended'), 1500);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'NETWORK';
      setMessage({
        ok: false,
        text: t(`account.errors.${code}`, { defaultValue: t('account.errors.other') }),
      });
    }
  };

  return (
    <Stack maw={480}>
      <Title order={2}>{t('account.title')}</Title>
      <Text>
        {person.displayName} · {person.email}
      </Text>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs" id="language-label">
          {t('nav.language')}
        </Text>
        <SegmentedControl
          aria-labelledby="language-label"
          value={i18n.language === 'en' ? 'en' : 'zh-CN'}
          onChange={(v) => setLanguage(v as Language)}
          data={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Paper>
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Stack>
          <Title order={3} size="h4">
            {t('account.changePassword')}
          </Title>
          <PasswordInput
            label={t('account.current')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('account.new')}
            autoComplete="new-password"
            required
            minLength={8}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('account.repeat')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
          />
          {message && (
            <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </Alert>
          )}
          <Button type="submit">{t('account.save')}</Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
