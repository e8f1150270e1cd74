import { inject } from '@angular/core';
import { OKTA_AUTH } from '@okta/okta-angular';
import type { AccessToken, OktaAuth } from '@okta/okta-auth-js';
import { useOktaAuth } from '@okta/okta-react';
import { useCallback } from 'react';
import { from, switchMap, take } from 'rxjs';

export class AuthInterceptor {
  constructor(private readonly oktaAuth: OktaAuth) {}

  intercept(req, next) {
    const accessToken = this.oktaAuth.getAccessToken();
    if (!accessToken) return next.handle(req);
    return next.handle(req.clone({ setHeaders: { Authorization: `Bearer ${accessToken}` } }));
  }
}

export const reportsInterceptor = (req, next) => {
  const oktaAuth = inject(OKTA_AUTH);
  return from(oktaAuth.tokenManager.get('accessToken')).pipe(
    take(1),
    switchMap((token) => next(req.clone({ setHeaders: { Authorization: 'Bearer ' + (token as AccessToken).accessToken } }))),
  );
};

export function useApi() {
  const { authState } = useOktaAuth();
  const accessToken = authState?.accessToken?.accessToken;
  return useCallback((path: string) => fetch(path, { headers: { Authorization: 'Bearer ' + accessToken } }), [accessToken]);
}

export async function loadShipments(oktaAuth: OktaAuth) {
  const accessToken = (await oktaAuth.tokenManager.get('accessToken')) as AccessToken | undefined;
  return fetch('/api/shipments', { headers: { Authorization: `Bearer ${accessToken?.accessToken}` } });
}

export function loadInvoices(oktaAuth: OktaAuth) {
  return oktaAuth.tokenManager.get('accessToken').then((accessToken) => fetch('/api/invoices', { headers: { Authorization: `Bearer ${(accessToken as AccessToken).accessToken}` } }));
}
