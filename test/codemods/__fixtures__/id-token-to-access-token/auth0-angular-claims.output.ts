import { Injectable } from '@angular/core';
import type { HttpEvent, HttpHandler, HttpInterceptor, HttpRequest } from '@angular/common/http';
import { AuthService } from '@auth0/auth0-angular';
import { type Observable, switchMap, take } from 'rxjs';

@Injectable()
export class ApiInterceptor implements HttpInterceptor {
  constructor(private readonly auth: AuthService) {}

  intercept(request: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    return this.auth.getAccessTokenSilently({ authorizationParams: { audience: 'https://api.acme.com' } }).pipe(
      take(1),
      switchMap((accessToken) => next.handle(request.clone({ setHeaders: { Authorization: `Bearer ${accessToken}` } }))),
    );
  }
}
