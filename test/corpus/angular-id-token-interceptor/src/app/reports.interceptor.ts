import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { OKTA_AUTH } from '@okta/okta-angular';
import type { IDToken } from '@okta/okta-auth-js';
import { from, switchMap } from 'rxjs';

// The reporting backend wants the user's groups, which are in the ID token.
export const reportsInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('https://reports.acme.com/')) return next(req);
  const oktaAuth = inject(OKTA_AUTH);
  return from(oktaAuth.tokenManager.get('idToken')).pipe(
    switchMap((token) =>
      next(
        req.clone({
          setHeaders: {
            Authorization: 'Bearer ' + (token as IDToken).idToken, // expect: oidc/no-id-token-as-bearer
          },
        }),
      ),
    ),
  );
};
