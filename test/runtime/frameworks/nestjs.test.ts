// IntrospectionGuard in a real NestJS app, replacing a local-verification guard at an org authorization server site.
import { IntrospectionGuard, NESTJS } from '../../../src/runtime/index.js';
import { describeIntrospectingMiddleware } from './support/introspection-suite.js';
import { startNestApp } from './support/nest-app.js';

describeIntrospectingMiddleware({
  framework: NESTJS,
  property: 'request.user',
  start: (introspector) => startNestApp({ guard: new IntrospectionGuard({ introspector }) }),
});
