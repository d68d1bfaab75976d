import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './api-key.entity';
import { ApiKeyGuard } from './auth';
import { Shop } from './shop.entity';
import { ShopsController } from './shops.controller';
import { ShopsService } from './shops.service';

@Module({
  imports: [TypeOrmModule.forFeature([Shop, ApiKey])],
  controllers: [ShopsController],
  providers: [ShopsService, ApiKeyGuard],
  exports: [ShopsService, ApiKeyGuard],
})
export class ShopsModule {}
