/**
 * The service with one extra probe, `GET /v1/bench/constant`: a constant body of BENCH_CEILING_BYTES
 * behind the same auth, so a benchmark can compare an endpoint with the framework's ceiling.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { declareRoutePolicy } from '../src/platform/auth/authorization-policy';
import { Roles } from '../src/platform/auth/decorators';
import { startService } from '../src/service';

const size = Number(process.env.BENCH_CEILING_BYTES ?? 2000);
const body = { pad: 'x'.repeat(Math.max(0, size - 10)) };

@ApiExcludeController()
@Controller('bench')
class CeilingController {
  @Get('constant')
  @Roles('router')
  constant() {
    return body;
  }
}

@Module({ controllers: [CeilingController] })
class BenchProbeModule {}

declareRoutePolicy('GET /v1/bench/constant', { roles: ['router'], scope: { by: 'none' } });
void startService({ extraImports: [BenchProbeModule] });
