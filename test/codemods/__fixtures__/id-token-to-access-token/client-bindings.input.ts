import { inject } from '@angular/core';
import { OKTA_AUTH } from '@okta/okta-angular';
import type { IDToken, OktaAuth } from '@okta/okta-auth-js';
import { useOktaAuth } from '@okta/okta-react';
import { useCallback } from 'react';
import { from, switchMap, take } from 'rxjs';

export class AuthInterceptor {
  constructor(private readonly oktaAuth: OktaAuth) {}

  intercept(req, next) {
    const idToken = this.oktaAuth.getIdToken();
    if (!idToken) return next.handle(req);
    return next.handle(req.clone({ setHeaders: { Authorization: `Bearer ${idToken}` } }));
  }
}

export const reportsInterceptor = (req, next) => {
  const oktaAuth = inject(OKTA_AUTH);
  return from(oktaAuth.tokenManager.get('idToken')).pipe(
    take(1),
    switchMap((token) => next(req.clone({ setHeaders: { Authorization: 'Bearer ' + (token as IDToken).idToken } }))),
  );
};

export function useApi() {
  const { authState } = useOktaAuth();
  const idToken = authState?.idToken?.idToken;
  return useCallback((path: string) => fetch(path, { headers: { Authorization: 'Bearer ' + idToken } }), [idToken]);
}

export async function loadShipments(oktaAuth: OktaAuth) {
  const idToken = (await oktaAuth.tokenManager.get('idToken')) as IDToken | undefined;
  return fetch('/api/shipments', { headers: { Authorization: `Bearer ${idToken?.idToken}` } });
}

export function loadInvoices(oktaAuth: OktaAuth) {
  return oktaAuth.tokenManager.get('idToken').then((idToken) => fetch('/api/invoices', { headers: { Authorization: `Bearer ${(idToken as IDToken).idToken}` } }));
}
