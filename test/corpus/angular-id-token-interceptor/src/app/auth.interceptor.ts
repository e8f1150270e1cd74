import { HttpEvent, HttpHandler, HttpInterceptor, HttpRequest } from '@angular/common/http';
import { Inject, Injectable } from '@angular/core';
import { OKTA_AUTH } from '@okta/okta-angular';
import type { OktaAuth } from '@okta/okta-auth-js';
import { Observable } from 'rxjs';

@Injectable()
export class AuthInterceptor implements HttpInterceptor {
  constructor(@Inject(OKTA_AUTH) private readonly oktaAuth: OktaAuth) {}

  intercept(req: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    if (!req.url.startsWith('/api/')) return next.handle(req);
    const idToken = this.oktaAuth.getIdToken();
    if (!idToken) return next.handle(req);
    const authorized = req.clone({
      setHeaders: {
        Authorization: `Bearer ${idToken}`, // expect: oidc/no-id-token-as-bearer
      },
    });
    return next.handle(authorized);
  }
}
