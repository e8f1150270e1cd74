import { Module } from '@nestjs/common';
import { AuthGuard } from './auth.guard';
import { CatalogController } from './catalog.controller';
import { TokenService } from './token.service';

@Module({ controllers: [CatalogController], providers: [TokenService, AuthGuard] })
export class AppModule {}
