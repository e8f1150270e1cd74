import { LoginCallback, Security, useOktaAuth } from '@okta/okta-react';
import { toRelativeUrl, type OktaAuth } from '@okta/okta-auth-js';
import { useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router-dom';
import { logout, oktaAuth } from './auth/oktaAuth';

function Profile() {
  const { authState } = useOktaAuth();
  const [usage, setUsage] = useState<{ quota: number } | null>(null);

  useEffect(() => {
    if (!authState?.isAuthenticated) return;
    const accessToken = authState.accessToken?.accessToken;
    fetch('/api/usage', { headers: { Authorization: `Bearer ${accessToken}` } })
      .then((response) => response.json())
      .then(setUsage);
  }, [authState]);

  if (!authState?.isAuthenticated) return <p>Signing in…</p>;
  // The ID token is for the app itself: who signed in.
  const name = authState.idToken?.claims.name;
  return (
    <section>
      <h1>Hello {name}</h1>
      {usage && <p>Quota: {usage.quota}</p>}
      <button onClick={() => logout()}>Sign out</button>
    </section>
  );
}

export function App() {
  const navigate = useNavigate();
  const restoreOriginalUri = async (_oktaAuth: OktaAuth, originalUri: string) => {
    navigate(toRelativeUrl(originalUri || '/', window.location.origin), { replace: true });
  };
  return (
    <Security oktaAuth={oktaAuth} restoreOriginalUri={restoreOriginalUri}>
      <Routes>
        <Route path="/login/callback" element={<LoginCallback />} />
        <Route path="/" element={<Profile />} />
      </Routes>
    </Security>
  );
}

export function Root() {
  return (
    <BrowserRouter>
      <App />
    </BrowserRouter>
  );
}
