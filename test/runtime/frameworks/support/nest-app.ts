// A real NestJS application on platform-express, built without decorator syntax (the tests are compiled without
// experimentalDecorators): the decorators are applied as the functions they are.
import 'reflect-metadata';
import { Controller, Get, Module, Req, UseGuards, type CanActivate, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppUnderTest } from './key-adapter-suite.js';

export interface NestAppOptions {
  /** Modules to import (e.g. `JwtModule.register(…)`). */
  readonly imports?: (DynamicModule | Type<unknown>)[];
  /** Providers of the app module (e.g. an injectable guard class). */
  readonly providers?: Type<unknown>[];
  /** The guard of `GET /orders`: a class (injected) or an instance. */
  readonly guard: Type<CanActivate> | CanActivate;
}

/** `GET /orders` behind the guard answers `request.user`, where Nest guards and passport strategies put the principal. */
export async function startNestApp(options: NestAppOptions): Promise<AppUnderTest> {
  class OrdersController {
    list(request: { user?: unknown }): unknown {
      return request.user ?? null;
    }
  }
  const list = Object.getOwnPropertyDescriptor(OrdersController.prototype, 'list')!;
  Req()(OrdersController.prototype, 'list', 0);
  Get()(OrdersController.prototype, 'list', list);
  UseGuards(options.guard)(OrdersController.prototype, 'list', list);
  Controller('orders')(OrdersController);

  class AppModule {}
  Module({ imports: options.imports ?? [], controllers: [OrdersController], providers: options.providers ?? [] })(AppModule);

  const app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url: `${origin}/orders`, close: () => app.close() };
}
