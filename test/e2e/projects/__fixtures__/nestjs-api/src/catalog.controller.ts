import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from './auth.guard';

@Controller()
export class CatalogController {
  @Get('health')
  health() {
    return { ok: true };
  }

  @Get('products')
  @UseGuards(AuthGuard)
  products(@Req() request: { user?: { sub?: string } }) {
    return { products: [], caller: request.user?.sub };
  }
}
