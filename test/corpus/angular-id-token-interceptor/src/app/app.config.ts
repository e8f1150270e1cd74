import { HTTP_INTERCEPTORS, provideHttpClient, withInterceptors, withInterceptorsFromDi } from '@angular/common/http';
import type { ApplicationConfig } from '@angular/core';
import { provideRouter } from '@angular/router';
import { OktaAuthModule } from '@okta/okta-angular';
import { OktaAuth } from '@okta/okta-auth-js';
import { importProvidersFrom } from '@angular/core';
import { AuthInterceptor } from './auth.interceptor';
import { reportsInterceptor } from './reports.interceptor';
import { routes } from './app.routes';

const oktaAuth = new OktaAuth({
  issuer: 'https://acme.okta.com/oauth2/default',
  clientId: '0oa1b2c3d4e5f6g7h8i9',
  redirectUri: `${window.location.origin}/login/callback`,
  scopes: ['openid', 'profile', 'groups'],
});

export const appConfig: ApplicationConfig = {
  providers: [
    provideRouter(routes),
    importProvidersFrom(OktaAuthModule.forRoot({ oktaAuth })),
    provideHttpClient(withInterceptorsFromDi(), withInterceptors([reportsInterceptor])),
    { provide: HTTP_INTERCEPTORS, useClass: AuthInterceptor, multi: true },
  ],
};
