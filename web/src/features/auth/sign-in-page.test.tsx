import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../../lib/i18n';
import { SessionProvider } from '../../lib/auth/session';
import { SignInPage } from './sign-in-page';

function renderPage() {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <SessionProvider>
          <SignInPage />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('sign-in page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has the labelled English form and says why a wrong password failed', async () => {
    await i18n.changeLanguage('en');
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ statusCode: 401, error: 'UNAUTHENTICATED', message: 'no' }), {
        status: 401,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    renderPage();
    fireEvent.change(screen.getByLabelText('Email', { exact: false }), {
      target: { value: 'a@b.cn' },
    });
    fireEvent.change(screen.getByLabelText('Password', { exact: false }), {
      target: { value: 'wrong-one' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain("don't match"));
    const request = fetchMock.mock.calls[0][0] as Request;
    expect(new URL(request.url).pathname).toBe('/v1/auth/session');
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderPage();
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
    expect(screen.getByLabelText('邮箱', { exact: false })).toBeTruthy();
  });
});
