import { Alert, Center, Loader, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../lib/api/client';
import { usePerson } from '../../lib/auth/session';
import { BookingsList } from './bookings-list';

const AvailabilityEditor = lazy(() => import('./availability-editor'));

/** The counsellor profile of the signed-in person. */
function useMyCounselor() {
  const person = usePerson();
  return useQuery({
    queryKey: ['counsellor', 'me', person.userId],
    queryFn: async () => {
      const page = unwrap(
        await api.GET('/v1/counseling/counselors', {
          params: { query: { pageSize: 100 } as never },
        }),
      );
      return page.items.find((c) => c.userId === person.userId) ?? null;
    },
  });
}

function CounsellorTabs() {
  const { t } = useTranslation();
  const { tab = 'bookings' } = useParams();
  const navigate = useNavigate();
  const me = useMyCounselor();
  if (me.isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (!me.data) return <Alert color="yellow">{t('counsellor.noProfile')}</Alert>;
  return (
    <Tabs
      value={tab}
      onChange={(v) => navigate(`/counsellor/${v ?? 'bookings'}`)}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="bookings">{t('counsellor.tabs.bookings')}</Tabs.Tab>
        <Tabs.Tab value="availability">{t('counsellor.tabs.availability')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="bookings">
        <BookingsList counselor={me.data} />
      </Tabs.Panel>
      <Tabs.Panel value="availability">
        <Suspense
          fallback={
            <Center h={200}>
              <Loader />
            </Center>
          }
        >
          <Stack>
            <AvailabilityEditor counselor={me.data} />
          </Stack>
        </Suspense>
      </Tabs.Panel>
    </Tabs>
  );
}

export default function CounsellorWorkspace() {
  return (
    <Routes>
      <Route path=":tab?" element={<CounsellorTabs />} />
    </Routes>
  );
}
